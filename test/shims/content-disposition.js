// Jest on Node 20 cannot load the ESM-only content-disposition@3 that @fastify/static (Swagger UI
// assets) requires. In tests only, the CommonJS build of 2.x, which has the same functions, stands in.
const path = require('node:path');

module.exports = require(path.join(__dirname, '../../node_modules/content-disposition/dist/index.js'));
