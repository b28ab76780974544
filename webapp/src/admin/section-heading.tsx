// A heading between groups of settings. Plugin setting sections would group them too, but
// Mattermost masked secrets inside sections only from PR #35214 on, and our token must be
// masked on every supported server: so the settings stay flat, and these custom settings
// (display_name and help_text from plugin.json) mark the groups.
import type { ReactNode } from 'react';
import type { CustomSettingProps } from './types';

export function SectionHeading({ label, helpText }: CustomSettingProps): ReactNode {
  return (
    <div style={{ margin: '32px 0 8px', borderBottom: '1px solid rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.16)', paddingBottom: 8 }}>
      <h3 style={{ margin: 0, fontSize: 18, fontWeight: 600 }}>{label}</h3>
      <div className="help-text" style={{ color: 'rgba(var(--center-channel-color-rgb, 63, 67, 80), 0.72)' }}>{helpText}</div>
    </div>
  );
}
