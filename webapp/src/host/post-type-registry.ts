// The host's post type registration (PluginRegistry.registerPostTypeComponent) and the props it
// passes each component (Mattermost's types/store/plugins.ts PostPluginComponent).
import type { Post } from '@mattermost/types/posts';
import type { ComponentType } from 'react';

export interface PostTypeProps {
  post: Post;
  compactDisplay?: boolean;
  isRHS?: boolean;
  theme?: Record<string, string>;
}

export interface PostTypeRegistry {
  registerPostTypeComponent(type: string, component: ComponentType<PostTypeProps>): string;
}
