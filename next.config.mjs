// Security headers for every response. Script and style need 'unsafe-inline' because static
// pages carry Next's inline bootstrap scripts (nonces would force dynamic rendering); there is
// never 'unsafe-eval' outside `next dev`, since MDX is evaluated on the server only.
const isDev = process.env.NODE_ENV === "development";

const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self' http://localhost:* http://127.0.0.1:* https:",
  "object-src 'none'",
].join("; ");

// Kept equal to lib/http/security-headers.ts by a unit test (proxy.ts and the route handlers use that copy).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(builtForHttps() ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
];

// HSTS only for a site built to be served over https (SITE_URL is read at build time, like the
// site's absolute URLs); proxy.ts also sends it when a request itself arrives over TLS.
function builtForHttps() {
  try {
    return new URL(process.env.SITE_URL?.trim() || "http://localhost").protocol === "https:";
  } catch {
    return false;
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  // Lets two builds of one checkout live side by side (e.g. parallel end-to-end runs).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // `NEXT_OUTPUT=standalone npm run build` writes a self-contained server to <distDir>/standalone
  // (README "Deploy"); the default build is served by `next start`.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  // The MDX compiler and highlighter run only on the server, at build time.
  serverExternalPackages: ["mdx-bundler", "esbuild", "shiki", "rehype-pretty-code", "gray-matter"],
  // Routes that read the catalogue at request time (search, the mock IdP's scenarios) need the
  // content files next to the server; the reads themselves are marked untraced.
  outputFileTracingIncludes: { "/api/**": ["./content/**"], "/mock-idp/**": ["./content/**"] },
  async rewrites() {
    return {
      // `/troubleshooting/<slug>.md` must win over the `[slug]` page, so it is checked first.
      beforeFiles: [{ source: "/troubleshooting/:slug([a-z0-9-]+)\\.md", destination: "/entry-markdown/:slug" }],
    };
  },
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // The mock IdP sets its own: a nonce-based CSP on its screens (rendered per request, proxy.ts)
      // and a script-free one on its route handlers' answers. A value here would win over theirs.
      { source: "/:path((?!mock-idp(?:/|$)).*)", headers: [{ key: "Content-Security-Policy", value: contentSecurityPolicy }] },
      // Pages point agents at the Markdown index (llmstxt.org); APIs and the mock IdP do not.
      { source: "/:path((?!api/|_next/|mock-idp|mcp|\\.well-known/).*)", headers: [{ key: "Link", value: '</llms.txt>; rel="llms-txt"' }] },
    ];
  },
};

export default nextConfig;
