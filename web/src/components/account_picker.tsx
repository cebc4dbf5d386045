// The one account filter of every page: "All accounts", an OU (when the page
// can filter by OU and some account is an organization member), or one
// account, grouped by OU. The page keeps the choice in its URL (provider_id /
// ou, lib/accounts.ts) and passes it on to the API.
import { useGet } from "../hooks";
import { type AccountScope, pickerChoices, pickerValue, scopeFromPickerValue } from "../lib/accounts";
import type { AccountScopes } from "../types";

export function AccountPicker({
  scope,
  onChange,
  allowOu = true,
  allowAll = true,
  testid = "account-picker",
}: {
  scope: AccountScope;
  onChange: (scope: AccountScope) => void;
  allowOu?: boolean;
  allowAll?: boolean; // false: pages about one account at a time (/iam)
  testid?: string;
}) {
  const scopes = useGet<AccountScopes>("/accounts/scopes");
  const { ous, groups } = pickerChoices(scopes.data, allowOu);
  const value = pickerValue(allowOu ? scope : { ...scope, ou: "" });
  const known = (value === "" && allowAll) || ous.some((o) => o.value === value) || groups.some((g) => g.options.some((o) => o.value === value));
  return (
    <select
      class="account-picker"
      value={value}
      onChange={(e) => onChange(scopeFromPickerValue(e.currentTarget.value))}
      data-testid={testid}
      aria-label="AWS account"
    >
      {allowAll ? <option value="">All accounts</option> : null}
      {/* Until the list has loaded (or for an account since deleted), the URL's choice still shows. */}
      {!known ? <option value={value}>{scope.ou ? `OU ${scope.ou}` : scope.provider_id ? `Account ${scope.provider_id}` : "Choose an account"}</option> : null}
      {ous.length ? (
        <optgroup label="Organizational units">
          {ous.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </optgroup>
      ) : null}
      {groups.length === 1 && groups[0].label === "Accounts"
        ? groups[0].options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))
        : groups.map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
    </select>
  );
}
