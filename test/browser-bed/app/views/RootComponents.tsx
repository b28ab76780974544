// Components plugins registered with registerRootComponent, mounted once at the page's root as
// Mattermost mounts them (inside the channel view's root).
import type { ReactNode } from 'react';
import { useBedSelector } from './hooks';
import { PluginBoundary } from './PluginBoundary';

export function RootComponents(): ReactNode {
  const roots = useBedSelector((s) => s.plugins.components.Root ?? []);
  return roots.map((r) => {
    const Root = r.component as (props: Record<string, never>) => ReactNode;
    return (
      <PluginBoundary key={r.id} pluginId={r.pluginId}>
        <Root />
      </PluginBoundary>
    );
  });
}
