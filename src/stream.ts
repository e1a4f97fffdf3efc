/**
 * `vendor-errors/stream`: the Node stream adapter, `classifyTransform`. It is an entry of
 * its own because it imports `node:stream`: the main entry stays free of Node built-ins,
 * so bundlers for other runtimes can still take it. `classifyStream` (an async iterable,
 * no built-in needed) is exported from both.
 */
export { classifyStream, type ClassifyStreamOptions, type StreamRecord, type ClassifiedRecord, type InvalidRecord } from './classify-stream.js';
export { classifyTransform, type ClassifyTransformOptions } from './classify-transform.js';
