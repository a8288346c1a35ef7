// zod 4 tests once, on the first parse, whether `new Function` works so it can compile faster
// parsers. Under the site's CSP (no 'unsafe-eval') the browser refuses and reports a CSP
// violation, which browsers and Lighthouse count against the page. Widgets parse small inputs, so
// they parse without compiling. Loaded before any widget (lazy-widget.tsx).
import { z } from "zod";

z.config({ jitless: true });
