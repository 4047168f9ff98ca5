import { useState } from 'preact/hooks';

export interface SwitchSetting<K extends string> {
  key: K;
  label: string;
  description: string;
}

export interface SettingsPanelProps<K extends string> {
  /** `undefined` while loading. */
  values: Record<K, boolean> | undefined;
  switches: readonly SwitchSetting<K>[];
  /** Stores one change; rejects with the reason it could not. */
  onChange(key: K, value: boolean): Promise<void>;
}

/** On/off settings, each saved as soon as it is flipped. */
export function SettingsPanel<K extends string>({ values, switches, onChange }: SettingsPanelProps<K>) {
  const [error, setError] = useState<string | undefined>();
  // Each switch shows the user's choice at once, while it is saved; a refused save puts it back.
  const [choices, setChoices] = useState<Partial<Record<K, boolean>>>({});
  const settle = (key: K) =>
    setChoices((current) => {
      const { [key]: _settled, ...rest } = current;
      return rest as Partial<Record<K, boolean>>;
    });
  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">On listing pages</h2>
      {values === undefined ? null : (
        <ul class="switches">
          {switches.map(({ key, label, description }) => (
            <li key={key}>
              <label>
                <input
                  type="checkbox"
                  name={key}
                  checked={choices[key] ?? values[key]}
                  aria-describedby={`setting-${key}-description`}
                  onChange={(event) => {
                    const checked = event.currentTarget.checked;
                    setChoices((current) => ({ ...current, [key]: checked }));
                    setError(undefined);
                    onChange(key, checked)
                      .catch((reason: unknown) => {
                        setError(
                          `Could not change “${label}”: ${reason instanceof Error ? reason.message : String(reason)}`,
                        );
                      })
                      .finally(() => settle(key));
                  }}
                />{' '}
                {label}
              </label>
              <p id={`setting-${key}-description`} class="hint">
                {description}
              </p>
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <p role="alert" class="error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
