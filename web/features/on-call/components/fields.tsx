import type { RotaPerson } from '../api/on-call.ts';
import { fullName } from '../../../lib/zoned-time.ts';

/**
 * Native date-time and select inputs with visible labels: the platform pickers work well on phones
 * and with screen readers, and a rota form needs nothing fancier.
 */
export function DateTimeInput({
  label,
  value,
  onChange,
  error,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <input
        className="field__input"
        type="datetime-local"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        required
      />
      {error && <span className="field__error">{error}</span>}
    </label>
  );
}

export function PersonSelect({
  label,
  people,
  value,
  onChange,
  error,
  required = true,
}: {
  label: string;
  people: RotaPerson[];
  value: string;
  onChange: (v: string) => void;
  error?: string | undefined;
  required?: boolean;
}) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      <select
        className="field__input"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        required={required}
      >
        <option value="">Choose…</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>
            {fullName(p)}
          </option>
        ))}
      </select>
      {error && <span className="field__error">{error}</span>}
    </label>
  );
}

/** The message of the field the server named, e.g. `body.endsAt` for `endsAt`. */
export function fieldError(error: unknown, field: string): string | undefined {
  const fields = (error as { fields?: { path: string; message: string }[] } | null)?.fields ?? [];
  return fields.find((f) => f.path === `body.${field}` || f.path.startsWith(`body.${field}.`))?.message;
}
