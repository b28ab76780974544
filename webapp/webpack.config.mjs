// Builds webapp/dist/main.js, the file plugin.json's webapp.bundle_path points at.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

// Libraries the Mattermost webapp already exposes on window (webapp/channels/src/plugins/export.ts).
// Using the host's copies keeps the bundle small and, for React, is required: two Reacts on
// one page break hooks and context. `react/jsx-runtime` is not exposed, so it gets bundled
// (a few hundred bytes) and resolves its own `react` import to window.React.
const HOST_GLOBALS = {
  react: 'React',
  'react-dom': 'ReactDOM',
  'react-intl': 'ReactIntl',
  redux: 'Redux',
  'react-redux': 'ReactRedux',
  'react-bootstrap': 'ReactBootstrap',
  'react-router-dom': 'ReactRouterDom',
  'prop-types': 'PropTypes',
  luxon: 'Luxon',
  'styled-components': 'StyledComponents',
};

export default {
  mode: 'production',
  context: here,
  entry: './src/index.ts',
  output: {
    path: path.join(here, 'dist'),
    filename: 'main.js',
    publicPath: '/',
    devtoolNamespace: 'openclaw',
    clean: true,
  },
  devtool: false,
  externals: HOST_GLOBALS,
  externalsType: 'window',
  resolve: { extensions: ['.ts', '.tsx', '.js'] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: 'swc-loader',
          options: {
            // Self-contained: the repo's .swcrc emits CommonJS for jest, webpack wants ESM.
            swcrc: false,
            jsc: {
              parser: { syntax: 'typescript', tsx: true },
              target: 'es2020',
              transform: { react: { runtime: 'automatic' } },
            },
          },
        },
      },
    ],
  },
  performance: { hints: false },
};
