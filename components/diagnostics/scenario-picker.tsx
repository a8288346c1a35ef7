// Picks the bundled mock IdP, healthy or in one of its fault scenarios, as the issuer to check.
// Which option is shown follows the issuer field, so input restored from the URL selects its
// scenario too. Used inside the client widgets.
import { Link } from "@/components/ui/link";
import { useId, type ChangeEvent } from "react";
import { findMockIdpScenario, mockIdpScenarios, type MockIdpScenario } from "@/lib/mock-idp/scenarios";
import { mockIdpIssuer, mockIdpScenarioIssuer } from "@/lib/mock-idp/paths";
import { entryUrl } from "@/lib/urls";

export type ScenarioPick = { issuer: string; scenario?: MockIdpScenario };

type ScenarioPickerProps = {
  /** The page's origin; the mock IdP is served from it. */
  origin: string;
  /** The issuer currently in the form. */
  issuer: string;
  onPick: (pick: ScenarioPick) => void;
};

const healthy = "healthy";
const other = "other";

function selectedOption(origin: string, issuer: string): string {
  if (!origin) return healthy;
  if (issuer === mockIdpIssuer(origin)) return healthy;
  const scenario = mockIdpScenarios.find((candidate) => mockIdpScenarioIssuer(origin, candidate.name) === issuer);
  return scenario ? scenario.name : other;
}

export function ScenarioPicker({ origin, issuer, onPick }: ScenarioPickerProps) {
  const selectId = useId();
  const descriptionId = useId();
  const selected = selectedOption(origin, issuer);
  const scenario = findMockIdpScenario(selected);

  function onChange(event: ChangeEvent<HTMLSelectElement>) {
    const value = event.target.value;
    if (value === other) return;
    const picked = findMockIdpScenario(value);
    onPick(picked ? { issuer: mockIdpScenarioIssuer(origin, picked.name), scenario: picked } : { issuer: mockIdpIssuer(origin) });
  }

  return (
    <div>
      <label htmlFor={selectId} className="block text-sm font-medium">
        Mock IdP scenario
      </label>
      <select
        id={selectId}
        value={selected}
        onChange={onChange}
        aria-describedby={descriptionId}
        className="mt-1 w-full max-w-full rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base focus:border-blue-600 focus:outline-2 focus:outline-blue-600 sm:w-auto dark:border-zinc-700 dark:bg-zinc-900"
      >
        <option value={healthy}>Bundled mock IdP (healthy)</option>
        <optgroup label="Fault scenarios">
          {mockIdpScenarios.map((candidate) => (
            <option key={candidate.name} value={candidate.name}>
              {candidate.name}
            </option>
          ))}
        </optgroup>
        <option value={other}>Another issuer (as typed)</option>
      </select>
      <p id={descriptionId} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {scenario ? (
          <>
            {scenario.description} Reproduces{" "}
            <Link href={entryUrl(scenario.entry)} className="text-link">
              {scenario.entry}
            </Link>
            .
          </>
        ) : selected === healthy ? (
          "The mock IdP bundled with this site, set up correctly: nothing should fail."
        ) : (
          "Checking the issuer typed above. Pick a scenario to see how a known fault is reported."
        )}
      </p>
    </div>
  );
}
