// A decoded token's header and claims, one row per member, with the time claims also written
// as dates and relative to the moment of the check ("expires in 4 min"). Every value comes from
// the pasted token: rendered as text only.
import { useId } from "react";
import { toIdTokenTime } from "@/lib/diagnostics/id-token";

type TimeClaim = "exp" | "iat" | "nbf" | "auth_time";

const timeClaims = new Set<string>(["exp", "iat", "nbf", "auth_time"]);

function isTimeClaim(name: string): name is TimeClaim {
  return timeClaims.has(name);
}

/** "expires in 4 min", "issued 12 min ago", … from the relative text "in 4 min" / "12 min ago". */
export function describeTimeClaim(name: TimeClaim, relative: string): string {
  const future = relative.startsWith("in ") || relative === "now";
  switch (name) {
    case "exp":
      return future ? `expires ${relative}` : `expired ${relative}`;
    case "iat":
      return future ? `issued ${relative} (in the future)` : `issued ${relative}`;
    case "nbf":
      return future ? `becomes valid ${relative}` : `valid since ${relative}`;
    case "auth_time":
      return future ? `signed in ${relative} (in the future)` : `signed in ${relative}`;
  }
}

function Value({ value }: { value: unknown }) {
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return <span className="font-mono [overflow-wrap:anywhere]">{text}</span>;
}

function TimeNote({ name, value, now }: { name: string; value: unknown; now: number }) {
  if (!isTimeClaim(name) || typeof value !== "number" || !Number.isFinite(value)) return null;
  const time = toIdTokenTime(value, now);
  return (
    <span className="mt-0.5 block text-xs text-zinc-700 dark:text-zinc-300" data-testid={`time-${name}`}>
      {time.iso ?? "not a date"} · {describeTimeClaim(name, time.relative)}
    </span>
  );
}

function MembersTable({ members, caption, now, testId }: { members: Record<string, unknown>; caption: string; now?: number; testId: string }) {
  const captionId = useId();
  return (
    <div className="relative mt-2 overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="w-full border-collapse text-left text-sm" data-testid={testId}>
        <caption id={captionId} className="px-3 py-2 text-left font-semibold">
          {caption}
        </caption>
        <thead className="bg-zinc-50 text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
          <tr>
            <th scope="col" className="w-40 px-3 py-2 font-semibold">Name</th>
            <th scope="col" className="px-3 py-2 font-semibold">Value</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(members).map(([name, value]) => (
            <tr key={name} className="border-t border-zinc-200 align-top dark:border-zinc-800">
              <th scope="row" className="px-3 py-2 font-mono font-normal">{name}</th>
              <td className="px-3 py-2">
                <Value value={value} />
                {now !== undefined && <TimeNote name={name} value={value} now={now} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function IdTokenClaims({ header, claims, now }: { header: Record<string, unknown>; claims: Record<string, unknown>; now: number }) {
  return (
    <div className="mt-4 grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,2fr)]">
      <MembersTable members={header} caption="Header" testId="token-header" />
      <MembersTable members={claims} caption="Claims (times relative to the check)" now={now} testId="token-claims" />
    </div>
  );
}
