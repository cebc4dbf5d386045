// Settings › Scans at once: how many scans the server runs at the same time
// (max_concurrent_scans, docs/api.md "Settings"); the others wait as queued.
import { useEffect, useState } from "preact/hooks";
import { ApiError, put } from "../api";
import { ErrorBox, FieldError } from "../components/ui";
import { useGet } from "../hooks";

export function ScanConcurrencySettings() {
  const s = useGet<{ max_concurrent_scans: number }>("/settings");
  const [value, setValue] = useState("4");
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (s.data) setValue(String(s.data.max_concurrent_scans));
  }, [s.data]);
  const save = async (e: Event) => {
    e.preventDefault();
    setSaved(false);
    setError(null);
    try {
      await put("/settings", { max_concurrent_scans: Number(value) });
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError) setError(err);
    }
  };
  return (
    <details class="card">
      <summary>Scans at once</summary>
      <form onSubmit={save} data-testid="concurrency-settings">
        <label>
          Scan at most this many AWS accounts at the same time (the others wait as “queued”; two scans of one AWS
          account never run together, as AWS meters its API rate per account)
          <input
            type="number"
            min={1}
            max={64}
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
            data-testid="settings-concurrency"
          />
        </label>
        <FieldError message={error?.field === "max_concurrent_scans" ? error.message : ""} testid="settings-concurrency-error" />
        {error && !error.field ? <ErrorBox error={error} /> : null}
        <div class="row">
          <button type="submit" data-testid="settings-concurrency-save">
            Save
          </button>
          {saved ? <span class="ok-text">Saved.</span> : null}
        </div>
      </form>
    </details>
  );
}
