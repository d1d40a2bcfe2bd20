#!/usr/bin/env node
// Committed, unlike dist, so that pnpm can link the `alphanode` bin before the first build.
import '../dist/cli.js';
