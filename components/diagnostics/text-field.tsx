// One labelled text input (or textarea) of a widget's form, with an optional hint under it: the
// label, ids and classes every tool's fields share.
import { useId, type ReactNode } from "react";
import { inputClass } from "./widget-styles";

type TextFieldProps = {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  hint?: ReactNode;
  /** A URL field: the URL keyboard on phones. */
  url?: boolean;
  /** Rows of a textarea; a one-line input when absent. */
  rows?: number;
  required?: boolean;
  name?: string;
  placeholder?: string;
};

export function TextField({ label, value, onChange, hint, url = false, rows, required = true, name, placeholder }: TextFieldProps) {
  const id = useId();
  const hintId = useId();
  const shared = {
    id,
    name,
    value,
    required,
    placeholder,
    spellCheck: false,
    "aria-describedby": hint ? hintId : undefined,
    className: inputClass,
  };
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {rows === undefined ? (
        <input {...shared} type="text" inputMode={url ? "url" : undefined} autoComplete="off" onChange={(event) => onChange(event.target.value)} />
      ) : (
        <textarea {...shared} rows={rows} onChange={(event) => onChange(event.target.value)} />
      )}
      {hint && (
        <p id={hintId} className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      )}
    </div>
  );
}
