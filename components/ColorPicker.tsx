export interface PaletteColor {
  name: string;
  color: string;
}

export interface ColorPickerProps {
  /** Unique on the page: names the radio group and ids its inputs. */
  idPrefix: string;
  /** What the colour belongs to, for the accessible names ("Colour of KV cache"). */
  subject: string;
  value: string;
  palette: readonly PaletteColor[];
  /** `final` is false while a custom colour is being dragged, so the caller can wait for a pause. */
  onChange(color: string, final: boolean): void;
}

/** A palette of named swatches (a radio group: arrow keys move between them) and a custom colour input. */
export function ColorPicker({ idPrefix, subject, value, palette, onChange }: ColorPickerProps) {
  const current = value.toLowerCase();
  return (
    <fieldset class="color-picker">
      <legend>
        Colour <span class="visually-hidden">of {subject}</span>
      </legend>
      {palette.map(({ name, color }) => (
        <label key={color} class="swatch-option" title={name}>
          <input
            type="radio"
            name={`${idPrefix}-color`}
            value={color}
            checked={current === color}
            onChange={() => onChange(color, true)}
          />
          <span class="swatch" style={{ background: color }} aria-hidden="true" />
          <span class="visually-hidden">{name}</span>
        </label>
      ))}
      <label class="custom-color">
        <input
          type="color"
          value={current}
          onInput={(event) => onChange(event.currentTarget.value, false)}
          onChange={(event) => onChange(event.currentTarget.value, true)}
        />
        Custom
      </label>
    </fieldset>
  );
}
