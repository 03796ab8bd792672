-- Issue 13 item 6: the shop's logo as a mark on blog photos (and the YouTube thumbnail), chosen once in the
-- profile: on or off (off by default), the corner, the logo's size as a percentage of the photo's short side
-- and its opacity in percent. A profile saved before this keeps its facts and gets the mark off.

ALTER TABLE shop_profile ADD COLUMN watermark_on      INTEGER NOT NULL DEFAULT 0 CHECK (watermark_on IN (0, 1));
ALTER TABLE shop_profile ADD COLUMN watermark_corner  TEXT    NOT NULL DEFAULT 'bottom_right'
    CHECK (watermark_corner IN ('top_left', 'top_right', 'bottom_left', 'bottom_right'));
ALTER TABLE shop_profile ADD COLUMN watermark_size    INTEGER NOT NULL DEFAULT 15
    CHECK (watermark_size BETWEEN 5 AND 40);
ALTER TABLE shop_profile ADD COLUMN watermark_opacity INTEGER NOT NULL DEFAULT 80
    CHECK (watermark_opacity BETWEEN 10 AND 100);
