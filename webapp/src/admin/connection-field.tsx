// A connection setting (URL, token, …) drawn by us instead of the console's plain control, so
// its edited value is known to "Test connection" before Save (edits.ts). It behaves like the
// built-in text setting: the value goes to the console's onChange, secrets stay masked.
import { useEffect, type ReactNode } from 'react';
import { forgetEdited, setEdited, type ConnectionKey } from './edits';
import { input } from './styles';
import type { CustomSettingProps } from './types';

export interface FieldSpec {
  key: ConnectionKey;
  placeholder?: string;
  secret?: boolean;
  multiline?: boolean;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');

export function connectionField(spec: FieldSpec): (props: CustomSettingProps) => ReactNode {
  function ConnectionField({ id, value, disabled, setByEnv, onChange }: CustomSettingProps): ReactNode {
    const current = text(value);
    useEffect(() => setEdited(spec.key, current), [current]);
    useEffect(() => () => forgetEdited(spec.key), []);
    const change = (v: string): void => onChange(id, v);
    const common = {
      id, value: current, placeholder: spec.placeholder, disabled: disabled || setByEnv, className: 'form-control', style: input,
      'data-testid': `openclaw-field-${spec.key}`,
    };
    // Registered with showTitle: the console draws the label and help text around this.
    return spec.multiline
      ? <textarea {...common} rows={4} onChange={(e) => change(e.target.value)} />
      : <input {...common} type={spec.secret ? 'password' : 'text'} autoComplete="off" onChange={(e) => change(e.target.value)} />;
  }
  ConnectionField.displayName = `OpenClaw${spec.key}`;
  return ConnectionField;
}
