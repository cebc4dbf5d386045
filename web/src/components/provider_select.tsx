// "All accounts" or one provider, kept in the page URL as provider_id.
import { useGet } from "../hooks";
import type { Provider } from "../types";

export function ProviderSelect({
  value,
  onChange,
  allowAll = true,
  testid = "provider-select",
}: {
  value: string;
  onChange: (id: string) => void;
  allowAll?: boolean;
  testid?: string;
}) {
  const providers = useGet<Provider[]>("/providers");
  const list = providers.data ?? [];
  return (
    <select value={value} onChange={(e) => onChange(e.currentTarget.value)} data-testid={testid} aria-label="AWS account">
      {allowAll ? <option value="">All accounts</option> : null}
      {list.map((p) => (
        <option key={p.id} value={p.id}>
          {p.label}
          {p.identity ? ` (${p.identity.account})` : ""}
        </option>
      ))}
    </select>
  );
}
