// Pages receive searchParams as string | string[] | undefined; the mock's pages want one value.

export type PageSearchParams = Record<string, string | string[] | undefined>;

/** The parameter's value when given exactly once; repeated or missing parameters read as undefined. */
export function singleSearchParam(params: PageSearchParams, name: string): string | undefined {
  const value = params[name];
  return typeof value === "string" ? value : undefined;
}
