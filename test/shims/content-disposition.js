// Jest's own module loader cannot `require` an ES module, so it cannot load the ESM-only content-disposition@3
// that @fastify/static (the web app and Swagger UI assets) requires. Node 24 itself can (require(esm)), so only
// the tests need this: the CommonJS build of 2.x, which has the same functions, stands in.
// Checked on Node 24.21 with Jest 30.5: without this mapping, every spec that loads the http app fails.
const path = require('node:path');

module.exports = require(path.join(__dirname, '../../node_modules/content-disposition/dist/index.js'));
