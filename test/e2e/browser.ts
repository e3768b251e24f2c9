// The suite's browser tools live in tools/browser/ (shared with bench/ and scripts/, which never import test/).
export * from '../../tools/browser/browser';
