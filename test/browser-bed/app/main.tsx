// The host page's entry: host globals first (plugin bundles read them), then the React app.
import './host-globals';
import { createRoot } from 'react-dom/client';
import { Provider } from 'react-redux';
import { reduxStore } from './store/store';
import { App } from './views/App';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <Provider store={reduxStore}>
    <App />
  </Provider>,
);
