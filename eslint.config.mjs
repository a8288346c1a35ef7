// Lint: Next's recommended rules (Core Web Vitals + TypeScript) and the architecture's import
// boundaries (see README, "What is where"): `lib/` never reaches into `app/` or `components/`,
// and the browser-safe parts of `lib/` never import Node builtins or Next.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

/** Node's builtins by bare name; `node:*` is matched by a pattern. */
const nodeBuiltins = [
  "assert", "async_hooks", "buffer", "child_process", "cluster", "console", "constants", "crypto",
  "dgram", "diagnostics_channel", "dns", "domain", "events", "fs", "fs/promises", "http", "http2",
  "https", "inspector", "module", "net", "os", "path", "path/posix", "path/win32", "perf_hooks",
  "process", "punycode", "querystring", "readline", "repl", "stream", "stream/promises",
  "string_decoder", "sys", "timers", "timers/promises", "tls", "trace_events", "tty", "url", "util",
  "v8", "vm", "wasi", "worker_threads", "zlib",
];

const appAndComponents = {
  group: ["@/app", "@/app/**", "@/components", "@/components/**", "**/app/**", "**/components/**", "../app", "../components", "../../app", "../../components", "../../../app", "../../../components"],
  message: "lib/ is the product's core and imports nothing from app/ or components/: move the shared code into lib/.",
};

const nodeAndNext = [
  {
    group: ["node:*"],
    message: "lib/search and lib/diagnostics run in the browser too: no Node builtins (inject what you need, or move it to a *.server.ts file outside these folders).",
  },
  {
    group: ["next", "next/*"],
    message: "lib/search and lib/diagnostics are framework-free: no next or next/* imports (keep Next in app/).",
  },
];

const bareBuiltins = nodeBuiltins.map((name) => ({
  name,
  message: "lib/search and lib/diagnostics run in the browser too: no Node builtins (inject what you need, or move it to a *.server.ts file outside these folders).",
}));

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([".next/**", ".next-*/**", "node_modules/**", "test-results/**", "playwright-report/**", ".cache/**", "out/**", "next-env.d.ts"]),
  {
    rules: {
      // The widgets copy browser-only input (the URL, localStorage, window.origin) into editable
      // form state after hydration, on purpose; a warning keeps the advice visible without a rewrite.
      "react-hooks/set-state-in-effect": "warn",
      // A leading underscore marks a value left out on purpose (a destructured field, a callback argument).
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx,js,mjs}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [appAndComponents] }],
    },
  },
  {
    // A later block replaces the rule's options, so this one repeats the lib/ boundary.
    files: ["lib/search/**/*.{ts,tsx,js,mjs}", "lib/diagnostics/**/*.{ts,tsx,js,mjs}"],
    rules: {
      "no-restricted-imports": ["error", { paths: bareBuiltins, patterns: [appAndComponents, ...nodeAndNext] }],
    },
  },
]);
