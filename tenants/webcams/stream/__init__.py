"""The live stream of a parent-view camera (livebeeld): the media process per live camera, the supervisor that
starts and stops them, the short-lived tokens and the views that serve the HLS playlist and its segments.

The product writes no video server: ffmpeg (Debian's package) reads the camera and writes a few seconds of HLS
into a folder of its own; Django serves that folder only to a viewer holding a fresh token
(docs/webcams-streaming.md)."""
