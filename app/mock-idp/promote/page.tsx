import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { getMockIdpDeps, isMockIdpEnabled } from "@/lib/mock-idp/default.server";
import { promoteSubmitPath } from "@/lib/mock-idp/paths";
import { getPromotionScreen } from "@/lib/mock-idp/promote";
import { singleSearchParam, type PageSearchParams } from "@/lib/mock-idp/search-params";
import { sessionCookieName } from "@/lib/mock-idp/session";

export const metadata: Metadata = { title: "Finish setting up your account (mock IdP)", robots: { index: false } };

const buttonClass = "rounded-lg border border-zinc-300 bg-white px-4 py-2 font-medium hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800";

const tokenStatusText = {
  valid: null,
  expired: "This resume_token is older than 5 minutes: resuming now answers 422 resume_token_expired.",
  used: "This resume_token was already redeemed: resuming again answers 422 resume_token_already_used.",
  malformed: "No valid resume_token in this link.",
  unavailable: "The IdP cannot reach its shared state (Redis) right now, so this resume_token cannot be checked. Try again in a moment.",
} as const;

export default async function MockIdpPromotePage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  if (!isMockIdpEnabled()) notFound();
  const params = await searchParams;
  const cookieStore = await cookies();
  const screen = await getPromotionScreen(
    { resumeToken: singleSearchParam(params, "resume_token"), session: cookieStore.get(sessionCookieName)?.value },
    await getMockIdpDeps(),
  );
  const action = (value: string, label: string) => (
    <form method="post" action={promoteSubmitPath}>
      <input type="hidden" name="resume_token" value={screen.resumeToken} />
      <input type="hidden" name="action" value={value} />
      <button type="submit" className={buttonClass}>{label}</button>
    </form>
  );

  return (
    <section className="mx-auto max-w-lg py-6">
      <p className="text-sm text-zinc-500 dark:text-zinc-400">logi · mock identity provider · JIT promotion</p>
      <h1 className="mt-1 text-2xl font-bold">Finish setting up your account</h1>
      {screen.applicationName ? <p className="mt-2">{screen.applicationName} accepts only identified accounts.</p> : null}
      {tokenStatusText[screen.tokenStatus] ? <p role="alert" className="mt-3 rounded-lg bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-100">{tokenStatusText[screen.tokenStatus]}</p> : null}

      <p className="mt-4 text-sm">
        Signed in as:{" "}
        {screen.account ? <><strong>{screen.account.name}</strong> ({screen.account.anonymous ? "anonymous" : "identified"}{screen.sameAccount ? "" : ", not the account this token was issued to"})</> : "nobody"}
      </p>

      <h2 className="mt-6 font-semibold">1. Promote the account</h2>
      <div className="mt-2 flex flex-wrap gap-2">
        {action("link_apple", "Link Apple")}
        {action("link_google", "Link Google")}
        {action("register_email", "Register an email")}
      </div>

      <h2 className="mt-6 font-semibold">2. Resume sign-in</h2>
      {screen.resumeEndpoint ? (
        <form method="post" action={screen.resumeEndpoint} className="mt-2">
          <input type="hidden" name="resume_token" value={screen.resumeToken} />
          <button type="submit" className={buttonClass}>Continue to {screen.applicationName}</button>
        </form>
      ) : null}
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Resuming before step 1 answers 422 promotion_incomplete; resuming twice answers 422 resume_token_already_used.
      </p>

      <h2 className="mt-6 font-semibold">Or reproduce resume_user_mismatch</h2>
      <div className="mt-2">{action("switch_account", "Switch to the demo user, then resume")}</div>
    </section>
  );
}
