import 'reflect-metadata';

if (process.env.TZ !== 'UTC') throw new Error('run the tests with TZ=UTC (npm test sets it)');
