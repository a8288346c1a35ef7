"use client";

// `next/link` without viewport prefetching: a page with dozens of links in view would otherwise
// fetch every target's payload up front. A link's target is prefetched when the reader shows
// intent (pointer over it or keyboard focus on it), so a click still navigates at once.
import NextLink from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

export type LinkProps = Omit<ComponentProps<typeof NextLink>, "prefetch" | "href"> & { href: string };

export function Link({ href, onMouseEnter, onFocus, ...props }: LinkProps) {
  const router = useRouter();
  const prefetch = () => {
    if (href.startsWith("/")) router.prefetch(href);
  };
  return (
    <NextLink
      {...props}
      href={href}
      prefetch={false}
      onMouseEnter={(event) => {
        prefetch();
        onMouseEnter?.(event);
      }}
      onFocus={(event) => {
        prefetch();
        onFocus?.(event);
      }}
    />
  );
}
