import type { ComponentChildren } from 'preact';
import type { MessageKey, Translate } from '../i18n/t';

/**
 * Form controls that label themselves, say what is wrong beside the field (linked with
 * aria-describedby) and keep what the person typed. A form that failed starts with ErrorSummary,
 * which lists every problem with a link to its field.
 */

/** What a form renders with: the values to show and the problems to point out. */
export interface FormState {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

export const EMPTY_FORM: FormState = { values: {}, errors: {} };

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export function ErrorSummary({
  t,
  form,
  labels,
}: {
  t: Translate;
  form: FormState;
  labels: Record<string, string>;
}) {
  const fields = Object.keys(form.errors);
  if (fields.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t('forms.errorSummary', { count: fields.length })}</h2>
      <ul>
        {fields.map((field) => (
          <li key={field}>
            <a href={`#field-${field}`}>
              {labels[field] ? `${labels[field]}: ` : ''}
              {t(form.errors[field] as MessageKey)}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  t: Translate;
  form: FormState;
  name: string;
  label: string;
  hint?: string;
  required?: boolean;
}

function FieldFrame({
  t,
  form,
  name,
  label,
  hint,
  required,
  children,
}: FieldProps & { children: ComponentChildren }) {
  const error = form.errors[name];
  return (
    <div class={error ? 'field field-error' : 'field'}>
      <label for={`field-${name}`}>
        {label}
        {required ? <span class="required"> ({t('forms.required')})</span> : null}
      </label>
      {hint ? (
        <p class="hint" id={`hint-${name}`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p class="error-message" id={`error-${name}`}>
          {t(error as MessageKey)}
        </p>
      ) : null}
      {children}
    </div>
  );
}

function describedBy(form: FormState, name: string, hint?: string): string | undefined {
  const ids = [hint ? `hint-${name}` : '', form.errors[name] ? `error-${name}` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

const valueOf = (form: FormState, name: string): string => {
  const value = form.values[name];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

export function TextField(
  props: FieldProps & {
    type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'date' | 'datetime-local' | 'search';
    autocomplete?: string;
    maxLength?: number;
    inputMode?: 'numeric' | 'email' | 'text';
    dir?: 'ltr' | 'rtl' | 'auto';
    lang?: string;
  },
) {
  const { form, name, hint, type = 'text' } = props;
  return (
    <FieldFrame {...props}>
      <input
        id={`field-${name}`}
        name={name}
        type={type}
        value={type === 'password' ? '' : valueOf(form, name)}
        required={props.required}
        autoComplete={props.autocomplete}
        maxLength={props.maxLength}
        inputMode={props.inputMode}
        dir={props.dir}
        lang={props.lang}
        aria-invalid={form.errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(form, name, hint)}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { rows?: number; dir?: 'ltr' | 'rtl' | 'auto'; lang?: string }) {
  const { form, name, hint } = props;
  return (
    <FieldFrame {...props}>
      <textarea
        id={`field-${name}`}
        name={name}
        rows={props.rows ?? 4}
        required={props.required}
        dir={props.dir}
        lang={props.lang}
        aria-invalid={form.errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(form, name, hint)}
      >
        {valueOf(form, name)}
      </textarea>
    </FieldFrame>
  );
}

export function SelectField(
  props: FieldProps & { options: { value: string; label: string }[]; blank?: string },
) {
  const { form, name, hint, options } = props;
  const current = valueOf(form, name);
  return (
    <FieldFrame {...props}>
      <select
        id={`field-${name}`}
        name={name}
        required={props.required}
        aria-invalid={form.errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(form, name, hint)}
      >
        {props.blank !== undefined ? <option value="">{props.blank}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A group of checkboxes sharing one name; the checked values come back as a string or an array. */
export function CheckboxGroup({
  t,
  form,
  name,
  legend,
  options,
}: {
  t: Translate;
  form: FormState;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
}) {
  const raw = form.values[name];
  const checked = new Set(Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : []);
  const error = form.errors[name];
  return (
    <fieldset
      class={error ? 'field field-error' : 'field'}
      aria-describedby={error ? `error-${name}` : undefined}
    >
      <legend id={`field-${name}`}>{legend}</legend>
      {error ? (
        <p class="error-message" id={`error-${name}`}>
          {t(error as MessageKey)}
        </p>
      ) : null}
      {options.map((o, i) => (
        <div class="checkbox" key={o.value}>
          <input
            type="checkbox"
            id={`field-${name}-${i}`}
            name={name}
            value={o.value}
            checked={checked.has(o.value)}
          />
          <label for={`field-${name}-${i}`}>{o.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
