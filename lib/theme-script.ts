// The inline script that sets the theme before first paint (components/ui/theme-script.tsx), and
// its CSP hash, so pages with a nonce-based CSP can allow it without 'unsafe-inline'. A unit test
// recomputes the hash: change both together.
export const themeScript = `(function(){try{var t=localStorage.getItem("theme");var d=t?t==="dark":matchMedia("(prefers-color-scheme: dark)").matches;document.documentElement.classList.toggle("dark",d);}catch(e){}})();`;

export const themeScriptHash = "sha256-QDkEc2x1yPeyPoODs2Omg3L15OlQGKa+60UvNfB5QSk=";
