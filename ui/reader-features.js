// The features that attach to a rendered article, in toolbar order. Each module exports
// `attach(reader)` (reader: the context built by reader.js `readerContext`) and returns a
// function that detaches it when the reader closes.

import * as highlights from './highlights.js';
import * as timeline from './timeline.js';
import * as group from './group.js';
import * as refresh from './refresh.js';

export const features = [highlights, timeline, group, refresh];
