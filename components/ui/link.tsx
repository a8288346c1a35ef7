// Site links are plain anchors. Every page is static HTML, so a full navigation is as quick as a
// client-side one, and pages ship neither next/link's code (about 3 KB of first-load JS) nor
// its prefetches (a page with dozens of links in view would fetch every target's payload).
import type { ComponentProps } from "react";

export type LinkProps = ComponentProps<"a"> & { href: string };

export function Link(props: LinkProps) {
  return <a {...props} />;
}
