// The keys a JWKS publishes, one row each. Every value comes from a remote server: text only.
import { useId } from "react";
import { NoValue } from "./findings-table";
import type { JwksKey } from "./tool-responses";

type KeysTableProps = { keys: readonly JwksKey[]; caption: string };

function Value({ value, mono = true }: { value: string | null | undefined; mono?: boolean }) {
  if (value === null || value === undefined || value === "") return <NoValue />;
  return <span className={mono ? "font-mono [overflow-wrap:anywhere]" : undefined}>{value}</span>;
}

function keySize(key: JwksKey): string | undefined {
  if (key.crv) return key.crv;
  return key.bits === undefined ? undefined : `${key.bits} bits`;
}

export function KeysTable({ keys, caption }: KeysTableProps) {
  const captionId = useId();
  return (
    <div className="relative mt-2 overflow-x-auto rounded-lg border border-zinc-200 dark:border-zinc-800" tabIndex={0} role="region" aria-labelledby={captionId}>
      <table className="w-full min-w-[40rem] border-collapse text-left text-sm" data-testid="jwks-keys">
        <caption id={captionId} className="sr-only">
          {caption}
        </caption>
        <thead className="bg-zinc-50 text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">kid</th>
            <th scope="col" className="px-3 py-2 font-semibold">kty</th>
            <th scope="col" className="px-3 py-2 font-semibold">alg</th>
            <th scope="col" className="px-3 py-2 font-semibold">use</th>
            <th scope="col" className="px-3 py-2 font-semibold">Curve or size</th>
            <th scope="col" className="px-3 py-2 font-semibold">Thumbprint</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key, index) => (
            <tr key={`${key.kid ?? ""}-${index}`} className="border-t border-zinc-200 align-top dark:border-zinc-800">
              <td className="px-3 py-2"><Value value={key.kid} /></td>
              <td className="px-3 py-2"><Value value={key.kty} /></td>
              <td className="px-3 py-2"><Value value={key.alg} /></td>
              <td className="px-3 py-2"><Value value={key.use} /></td>
              <td className="px-3 py-2 whitespace-nowrap"><Value value={keySize(key)} mono={false} /></td>
              <td className="px-3 py-2 text-xs"><Value value={key.thumbprint} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
