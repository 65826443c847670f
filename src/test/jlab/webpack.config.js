// Bundles JupyterLab's front end from its npm packages into build/bundle.js. Build.ensureAssets
// copies the extensions' settings schemas and the theme into build/ and writes build/style.js,
// which imports every extension's CSS. Development mode without source maps: the quickest build.
const path = require('path');
const webpack = require('webpack');
const Build = require('@jupyterlab/builder').Build;
const miniSVGDataURI = require('mini-svg-data-uri');
const data = require('./package.json');

const build = path.join(__dirname, 'build');
const assets = Build.ensureAssets({ packageNames: data.jupyterlab.extensions, output: build });

module.exports = [
  {
    entry: ['./index.js'],
    output: { path: build, filename: 'bundle.js' },
    bail: true,
    devtool: false,
    mode: 'development',
    module: {
      rules: [
        // some dependencies are ES modules whose imports omit the '.js'
        { test: /\.m?js$/, resolve: { fullySpecified: false } },
        { test: /\.css$/, exclude: /\.raw\.css$/, use: ['style-loader', 'css-loader'] },
        { test: /\.raw\.css$/, type: 'asset/source' },
        { test: /\.html$/, type: 'asset/resource' },
        { test: /\.md$/, type: 'asset/source' },
        { test: /\.(jpg|png|gif)$/, type: 'asset/resource' },
        { test: /\.js.map$/, type: 'asset/resource' },
        { test: /\.(woff2?|ttf)(\?v=\d+\.\d+\.\d+)?$/, type: 'asset' },
        { test: /\.eot(\?v=\d+\.\d+\.\d+)?$/, type: 'asset/resource' },
        {
          // in CSS an SVG becomes a data URI ...
          test: /\.svg(\?v=\d+\.\d+\.\d+)?$/,
          issuer: /\.css$/,
          type: 'asset/inline',
          generator: { dataUrl: (content) => miniSVGDataURI(content.toString()) }
        },
        {
          // ... in JavaScript the icon's source text
          test: /\.svg(\?v=\d+\.\d+\.\d+)?$/,
          issuer: /\.js$/,
          type: 'asset/source'
        }
      ]
    },
    plugins: [
      new webpack.DefinePlugin({ process: { cwd: () => '/', env: {} } })
    ]
  }
].concat(assets);
