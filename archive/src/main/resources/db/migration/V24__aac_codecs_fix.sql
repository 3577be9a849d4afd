-- The native engine wrote the AAC object type where the codecs string takes it less one, so an AAC-LC track's init
-- segment was indexed as mp4a.40.3 (AAC-SSR, which no camera sends) instead of mp4a.40.2 (issue 19: players trust
-- CODECS in a multivariant playlist or a DASH manifest). Fixed at the source; the rows already written are fixed here.
UPDATE init_segment SET codecs = REPLACE(codecs, 'mp4a.40.3', 'mp4a.40.2') WHERE codecs LIKE '%mp4a.40.3%';
