import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getMockIdpDeps, isMockIdpEnabled } from "@/lib/mock-idp/default.server";
import { getDeviceScreen } from "@/lib/mock-idp/device";
import { devicePagePath, deviceSubmitPath } from "@/lib/mock-idp/paths";
import { singleSearchParam, type PageSearchParams } from "@/lib/mock-idp/search-params";

export const metadata: Metadata = { title: "Connect a device (mock IdP)", robots: { index: false } };

const buttonClass = "rounded-lg border border-zinc-300 bg-white px-4 py-2 font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800";

export default async function MockIdpDevicePage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  if (!isMockIdpEnabled()) notFound();
  const params = await searchParams;
  const screen = await getDeviceScreen(
    { user_code: singleSearchParam(params, "user_code"), status: singleSearchParam(params, "status"), message: singleSearchParam(params, "message") },
    await getMockIdpDeps(),
  );

  return (
    <section className="mx-auto max-w-md py-6">
      <p className="text-sm text-zinc-500 dark:text-zinc-400">logi · mock identity provider</p>
      <h1 className="mt-1 text-2xl font-bold">Connect a device</h1>

      {screen.state === "done" ? (
        <p role="status" className="mt-4">
          {screen.decision === "approved" ? "Approved. Your device will finish signing in within a few seconds." : "Denied. The device will be told that access was refused."}
        </p>
      ) : null}

      {screen.state === "enter" ? (
        <form method="get" action={devicePagePath} className="mt-4">
          {screen.message ? <p role="alert" className="mb-3 rounded-lg bg-red-50 p-3 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">{screen.message}</p> : null}
          <label className="block text-sm">
            Code shown on your device
            <input name="user_code" defaultValue={screen.userCode} required autoComplete="off" placeholder="BCDF-GHJK" className="mt-1 w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 font-mono uppercase dark:border-zinc-700 dark:bg-zinc-900" />
          </label>
          <button type="submit" className={`${buttonClass} mt-3`}>Continue</button>
        </form>
      ) : null}

      {screen.state === "confirm" ? (
        <form method="post" action={deviceSubmitPath} className="mt-4">
          <input type="hidden" name="user_code" value={screen.userCode} />
          <p><strong>{screen.clientName}</strong> wants to sign in as the demo user{screen.scope ? <> with scope <code>{screen.scope}</code></> : null}.</p>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Code <code className="font-mono">{screen.userCode}</code></p>
          <div className="mt-4 flex gap-2">
            <button type="submit" name="decision" value="approve" className={buttonClass}>Approve</button>
            <button type="submit" name="decision" value="deny" className={buttonClass}>Deny</button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
