/**
 * Form parts for requests and complaints: a group of radio buttons with a legend, and a text area with
 * its description, a live character count and an error that is tied to the field (WCAG 3.3.1, 4.1.2).
 */
import { useI18n } from '../shared/i18n.tsx';
import { FormLabel } from '../shared/ui.tsx';

export const MAX_TEXT = 10_000;

export function RadioGroup({ name, legend, options, value, onChange, error }: { name: string; legend: string; options: Array<{ value: string; label: string }>; value: string; onChange(v: string): void; error?: string | null }) {
  const errId = `${name}-fout`;
  return (
    <fieldset className="utrecht-form-fieldset zv-fieldset" aria-describedby={error ? errId : undefined} aria-invalid={error ? true : undefined}>
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--distanced">{legend}</legend>
      {error && (
        <p className="utrecht-form-field-error-message" id={errId}>
          {error}
        </p>
      )}
      {options.map((o) => {
        const id = `${name}-${o.value}`;
        return (
          <div className="utrecht-form-field utrecht-form-field--radio zv-radio" key={o.value}>
            <div className="utrecht-form-field__input">
              <input
                className="utrecht-radio-button utrecht-radio-button--html-input"
                type="radio"
                id={id}
                name={name}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
              />
            </div>
            <div className="utrecht-form-field__label utrecht-form-field__label--radio">
              <FormLabel htmlFor={id} type="radio">
                {o.label}
              </FormLabel>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

export function TextArea({ id, label, hint, value, onChange, error }: { id: string; label: string; hint: string; value: string; onChange(v: string): void; error?: string | null }) {
  const { t } = useI18n();
  const described = [`${id}-uitleg`, `${id}-teller`, error ? `${id}-fout` : null].filter(Boolean).join(' ');
  return (
    <div className={`utrecht-form-field utrecht-form-field--textarea${error ? ' utrecht-form-field--invalid' : ''}`}>
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      <div className="utrecht-form-field-description" id={`${id}-uitleg`}>
        {hint}
      </div>
      {error && (
        <p className="utrecht-form-field-error-message" id={`${id}-fout`}>
          {error}
        </p>
      )}
      <div className="utrecht-form-field__input">
        <textarea
          className={`utrecht-textarea utrecht-textarea--html-textarea zv-textarea${error ? ' utrecht-textarea--invalid' : ''}`}
          id={id}
          name={id}
          rows={8}
          maxLength={MAX_TEXT}
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={described}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      </div>
      <div className="utrecht-form-field-description zv-counter" id={`${id}-teller`} aria-live="polite">
        {t('chars', { n: value.length.toLocaleString('nl-NL'), max: MAX_TEXT.toLocaleString('nl-NL') })}
      </div>
    </div>
  );
}
