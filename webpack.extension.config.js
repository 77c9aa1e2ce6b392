/**
 * Builds the Gmail extension into dist/extension/ (`npm run build:extension`, which then runs
 * src/extension/build/pack.ts: writes managed_schema.json from the policy schema and packs
 * dist/second-thought-gmail.zip).
 *
 * Two self-contained scripts, no chunks (an extension cannot load code from anywhere else):
 * - content.js: the content script on mail.google.com (classifier, policy, Gmail adapter, UI);
 * - background.js: the service worker that sets the toolbar icon;
 * - options.js: the options page (options.html and options.css are copied as they are).
 * Same ts-loader approach as webpack.config.js (transpile only; `npm test` type-checks).
 * No eval: devtool is `source-map` (MV3 forbids eval in extension code).
 *
 * Note for the lead: webpack.config.js empties dist/ when it runs, so `npm run build` must run
 * build:web BEFORE build:extension.
 */
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';

const root = dirname(fileURLToPath(import.meta.url));
const out = resolve(root, 'dist/extension');

export default (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  rmSync(out, { recursive: true, force: true });
  return {
    name: 'extension',
    mode,
    devtool: 'source-map',
    target: ['web', 'es2020'],
    entry: {
      content: resolve(root, 'src/extension/content.ts'),
      background: resolve(root, 'src/extension/background.ts'),
      options: resolve(root, 'src/extension/options.ts'),
    },
    output: { path: out, filename: '[name].js', iife: true, asyncChunks: false, clean: false },
    resolve: { extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: [
            {
              loader: 'ts-loader',
              options: {
                configFile: resolve(root, 'tsconfig.json'),
                transpileOnly: true,
                compilerOptions: { target: 'ES2020', module: 'ES2020', moduleResolution: 'bundler', sourceMap: true, declaration: false, noEmit: false },
              },
            },
          ],
        },
      ],
    },
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/extension/manifest.json', to: 'manifest.json' },
          { from: 'src/extension/options.{html,css}', to: '[name][ext]' },
          { from: 'assets/icon-{16,32,64,128}.png', to: 'icons/[name][ext]' },
        ],
      }),
    ],
    performance: { hints: false },
  };
};
