// Runs before first paint so the page never flashes the wrong theme: an explicit choice saved
// by the toggle wins, otherwise the system preference applies.
// The script itself lives in lib/theme-script.ts, next to the CSP hash that allows it.
import { themeScript } from "@/lib/theme-script";

export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: themeScript }} />;
}
