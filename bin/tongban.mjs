#!/usr/bin/env node
// `npx tongban …`: the command-line entry. Loads TypeScript sources through tsx.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
