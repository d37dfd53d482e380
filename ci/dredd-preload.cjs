// Preloaded into Dredd (NODE_OPTIONS=--require) by ci/contracts.sh; two fixes of Dredd 14's speed.
//
// 1. Before running any hook, Dredd deep-copies its whole configuration, parsed API description
//    included, with the `clone` package, whose cycle detection scans a list of every object seen
//    so far: about a minute of CPU for our contract, growing with the square of its size. The
//    copy below keeps prototypes, property descriptors and shared or circular references the
//    same way, with a Map for the objects seen. It replaces `clone` for dredd/build/addHooks.js
//    only.
// 2. Dredd writes each message to the hooks handler in two packets (the JSON, then the
//    delimiter): with Nagle's algorithm the second waits for the peer's delayed ACK, about 40 ms
//    per hook event. TCP_NODELAY sends both at once.
"use strict";
const Module = require("module");
const net = require("net");

function copy(value, seen) {
  if (value === null || typeof value !== "object") return value;
  if (seen.has(value)) return seen.get(value);
  if (value instanceof Date) return new Date(value.getTime());
  if (value instanceof RegExp) return new RegExp(value.source, value.flags);
  if (Buffer.isBuffer(value)) return Buffer.from(value);
  if (value instanceof Map) {
    const result = new Map();
    seen.set(value, result);
    value.forEach((v, k) => result.set(copy(k, seen), copy(v, seen)));
    return result;
  }
  if (value instanceof Set) {
    const result = new Set();
    seen.set(value, result);
    value.forEach((v) => result.add(copy(v, seen)));
    return result;
  }
  const result = Array.isArray(value) ? [] : Object.create(Object.getPrototypeOf(value));
  seen.set(value, result);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    if ("value" in descriptor) descriptor.value = copy(descriptor.value, seen);
    Object.defineProperty(result, key, descriptor);
  }
  return result;
}

const fastClone = (value) => copy(value, new Map());
const require_ = Module.prototype.require;
Module.prototype.require = function (id) {
  const loaded = require_.apply(this, arguments);
  if (id === "clone" && this.filename && this.filename.endsWith("dredd/build/addHooks.js")) {
    return fastClone;
  }
  return loaded;
};

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function () {
  this.setNoDelay(true);
  return connect.apply(this, arguments);
};
