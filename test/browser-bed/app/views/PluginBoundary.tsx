// Mattermost wraps every plugin component in an error boundary (PluggableErrorBoundary), so a
// crashing plugin cannot take the channel view down; the bed does the same and records the error.
import { Component, type ReactNode } from 'react';
import { recordError } from '../record';

interface Props {
  pluginId: string;
  children: ReactNode;
}

export class PluginBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  componentDidCatch(error: Error): void {
    recordError(`${this.props.pluginId}: component threw: ${error.message}`);
  }

  render(): ReactNode {
    if (this.state.failed) return <div className="bed-plugin-error">The {this.props.pluginId} plugin failed to render this.</div>;
    return this.props.children;
  }
}
