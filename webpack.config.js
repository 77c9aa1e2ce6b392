/**
 * Builds the Outlook add-in into dist/ (`npm run build:web`; `npm start` also serves it).
 *
 * Two compilations:
 * - "event-runtime": launchevent.js, the send / compose-event handlers. Classic Outlook on Windows
 *   runs it in its JavaScript-only runtime, so it is ONE self-contained file (no chunks, no
 *   imports), ES2016 syntax throughout (our TypeScript with target ES2016, node_modules and Unicode
 *   property regexps rewritten by src/outlook/build/es2016-loader.cjs) and a stable name: the
 *   manifest points at it. test/outlook/launchevent-bundle.test.ts parses it with acorn
 *   (ecmaVersion 2016) and checks its gzipped size.
 * - "pages": the task pane, the event page, the playground, with hashed file names.
 *
 * Every page carries a Content-Security-Policy meta tag: own origin only, plus the Office.js host
 * on the two pages Outlook loads. No eval anywhere (devtool is `source-map`, never `eval-*`).
 *
 * ST_ORIGIN (default https://localhost:3000) is the origin the add-in is hosted at: it goes into
 * dist/manifest.xml, the JavaScript-only runtime's policy.json URL and the well-known CORS file.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import webpack from 'webpack';

const root = dirname(fileURLToPath(import.meta.url));
const dist = resolve(root, 'dist');
const DEV_ORIGIN = 'https://localhost:3000';
const ORIGIN = (process.env.ST_ORIGIN || DEV_ORIGIN).replace(/\/+$/, '');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const OFFICE_HOST = 'https://appsforoffice.microsoft.com';
const es2016Loader = resolve(root, 'src/outlook/build/es2016-loader.cjs');
/**
 * libphonenumber's metadata without the number formats, which only its formatting functions read
 * (the classifier parses and validates): about 9 KB less gzipped, every finding the same. See the
 * loader.
 */
const phoneMetadataRule = {
  test: /[\\/]libphonenumber-js[\\/]metadata\.min\.json\.js$/,
  use: [{ loader: resolve(root, 'src/outlook/build/phone-metadata-loader.cjs') }],
};

/**
 * Scripts and styles only from the add-in's own files (and Office.js from its host): no inline
 * script or style, no eval. Scripts may still set element.style properties (CSSOM), which CSP allows.
 */
export function csp({ office = false, frames = false } = {}) {
  return [
    "default-src 'self'",
    `script-src 'self'${office ? ` ${OFFICE_HOST}` : ''}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "style-src 'self'",
    "font-src 'self'",
    `frame-src ${frames ? "'self'" : "'none'"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** A stylesheet copied under a content-hashed name, for a <link> in the page template. */
function hashedCss(relPath, base) {
  const text = readFileSync(resolve(root, relPath));
  const name = `${base}.${createHash('sha256').update(text).digest('hex').slice(0, 10)}.css`;
  return { name, pattern: { from: relPath, to: name } };
}

/** Emits generated files into the output. */
class EmitFilePlugin {
  constructor(files) {
    this.files = files;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('EmitFilePlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'EmitFilePlugin', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const [name, content] of Object.entries(this.files)) compilation.emitAsset(name, new webpack.sources.RawSource(content));
      });
    });
  }
}

const resolveTs = {
  extensions: ['.ts', '.js'],
  extensionAlias: { '.js': ['.ts', '.js'] },
};

function tsRule(target) {
  return {
    test: /\.ts$/,
    exclude: /node_modules/,
    use: [
      ...(target === 'ES2016' ? [{ loader: es2016Loader }] : []),
      {
        loader: 'ts-loader',
        options: {
          configFile: resolve(root, 'tsconfig.json'),
          transpileOnly: true, // `npm test` type-checks with tsc
          compilerOptions: { target, module: 'ES2020', moduleResolution: 'bundler', sourceMap: true, declaration: false, noEmit: false },
        },
      },
    ],
  };
}

export default (env = {}, argv = {}) => {
  const mode = argv.mode === 'development' ? 'development' : 'production';
  rmSync(dist, { recursive: true, force: true });
  const define = new webpack.DefinePlugin({ __ST_ORIGIN__: JSON.stringify(ORIGIN) });

  const eventRuntime = {
    name: 'event-runtime',
    mode,
    devtool: 'source-map',
    target: ['web', 'es2016'],
    entry: { launchevent: resolve(root, 'src/outlook/launchevent.ts') },
    output: { path: dist, filename: '[name].js', iife: true, asyncChunks: false, clean: false },
    resolve: resolveTs,
    module: {
      rules: [
        tsRule('ES2016'),
        { test: /\.[cm]?js$/, include: /node_modules/, use: [{ loader: es2016Loader }], resolve: { fullySpecified: false } },
        phoneMetadataRule,
      ],
    },
    optimization: {
      splitChunks: false,
      runtimeChunk: false,
      // terser, told not to write syntax newer than ES2016 while minifying
      minimizeOptions: { javascript: { ecma: 2016, compress: { ecma: 2016, passes: 2 }, format: { ecma: 2016, comments: false } } },
    },
    plugins: [
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      define,
      // Suggestions (the lexicon's and the detectors', src/classifier/suggestions.ts) are shown by
      // the pane, never by the send handler (its alert names the category, the words and the
      // explanation): about 4 KB gzipped that it does not carry.
      new webpack.DefinePlugin({ __ST_NO_SUGGESTIONS__: 'true' }),
    ],
    performance: { hints: false },
  };

  const paneCss = hashedCss('src/taskpane/taskpane.css', 'taskpane');
  const playgroundCss = hashedCss('src/playground/playground.css', 'playground');
  const page = (filename, template, chunks, params = {}) =>
    new HtmlWebpackPlugin({
      filename,
      template: resolve(root, template),
      chunks,
      chunksSortMode: 'manual',
      inject: 'head',
      scriptLoading: 'defer',
      minify: false,
      templateParameters: { officeJs: '', csp: csp(), css: [], iconBase: '', ...params },
    });

  const manifest = readFileSync(resolve(root, 'manifest.xml'), 'utf8').split(DEV_ORIGIN).join(ORIGIN);

  const pages = {
    name: 'pages',
    mode,
    devtool: 'source-map',
    target: ['web', 'es2020'],
    entry: {
      taskpane: resolve(root, 'src/taskpane/taskpane.ts'),
      'pane-standin': resolve(root, 'src/playground/pane-standin.ts'),
      playground: resolve(root, 'src/playground/playground.ts'),
    },
    output: { path: dist, filename: '[name].[contenthash:10].js', clean: false },
    resolve: resolveTs,
    module: { rules: [tsRule('ES2020'), phoneMetadataRule] },
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [
      define,
      // Pages Outlook loads: Office.js from its host, nothing else from anywhere.
      page('taskpane.html', 'src/taskpane/taskpane.html', ['taskpane'], { officeJs: OFFICE_JS, csp: csp({ office: true }), css: [paneCss.name] }),
      page('launchevent.html', 'src/outlook/launchevent.html', [], { officeJs: OFFICE_JS, csp: csp({ office: true }) }),
      // Playground pages: the real pane and handler on the Office.js stand-in, own origin only.
      // They live in dist/playground/ so that its demo policy.json (internal domain contoso.com)
      // never sits where Outlook's pages look for the organization's policy.json.
      page('playground/pane.html', 'src/taskpane/taskpane.html', ['pane-standin', 'taskpane'], { css: [`../${paneCss.name}`], iconBase: '../' }),
      page('playground/index.html', 'src/playground/playground.html', ['playground'], { csp: csp({ frames: true }), css: [`../${playgroundCss.name}`] }),
      page('index.html', 'src/playground/index.html', [], { css: [playgroundCss.name] }),
      page('help.html', 'src/playground/help.html', [], { css: [playgroundCss.name] }),
      new CopyWebpackPlugin({
        patterns: [paneCss.pattern, playgroundCss.pattern, { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          { from: 'src/playground/demo-policy.json', to: 'playground/policy.json' },
        ],
      }),
      new EmitFilePlugin({
        'manifest.xml': manifest,
        // Classic Outlook's JavaScript-only runtime sends CORS requests; this file allows launchevent.js to fetch policy.json.
        '.well-known/microsoft-officeaddins-allowed.json': `${JSON.stringify({ allowed: [`${ORIGIN}/launchevent.js`] }, null, 2)}\n`,
      }),
    ],
    performance: { hints: false },
  };

  return [eventRuntime, pages];
};
