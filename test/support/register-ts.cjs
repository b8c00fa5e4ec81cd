// Lets `node -r ./test/support/register-ts.cjs bot/index.ts` run the TypeScript sources directly
// (transpile only, as ts-jest does for the tests), so a test can start the real bot as a child
// process without a build step.
const fs = require('node:fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
    fileName: filename,
  });
  module._compile(outputText, filename);
};
