package org.httplog.producer;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The resources a site serves, by popularity rank. Ids are distinct and scattered over a database-like
 * id space (rank 1 is not id 1); URLs look like a shop's CDN paths and stay fixed per resource.
 */
final class ResourceCatalogue {

    private static final long ID_SPACE = 40_000_000;
    private static final String[] WORDS = {"red", "blue", "black", "leather", "running", "winter", "summer", "classic",
        "boots", "jacket", "shirt", "dress", "bag", "watch", "lamp", "chair", "table", "sofa", "phone", "case",
        "cable", "kids", "men", "women", "organic", "coffee", "tea", "garden", "kitchen", "sport", "travel", "gift"};
    private static final String[] CATEGORIES = {"fashion", "home", "electronics", "garden", "sports", "kids",
        "beauty", "food", "books", "toys"};
    private static final String[] BUNDLES = {"app", "vendor", "checkout", "search", "product", "runtime",
        "polyfills", "theme", "carousel", "analytics"};
    private static final String[] ENDPOINTS = {"products", "cart", "prices", "stock", "reviews", "search",
        "recommendations", "user"};
    private static final String[] FONTS = {"inter", "roboto", "lato", "merriweather", "source-sans"};
    private static final String[] QUALITIES = {"480p", "720p", "1080p"};
    private static final String[] IMAGE_SIZES = {"200x200", "400x400", "800x600", "1200x900", "1600x1200"};

    private final Resource[] byRank;

    ResourceCatalogue(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        Set<Long> ids = new HashSet<>();
        byRank = new Resource[size + 1];
        for (int rank = 1; rank <= size; rank++) {
            long id;
            do {
                id = 1 + random.nextLong(ID_SPACE);
            } while (!ids.add(id));
            Kind kind = Kind.draw(random);
            byRank[rank] = new Resource(id, kind, url(kind, id, random), kind.drawSize(random),
                    280 + random.nextInt(220));
        }
    }

    /** The resource of popularity rank {@code rank} (1 = most requested). */
    Resource byRank(int rank) {
        return byRank[rank];
    }

    private static String url(Kind kind, long id, SplittableRandom random) {
        return switch (kind) {
            case IMAGE -> "https://img.shop.example/p/" + id + "/" + word(random) + "-" + word(random) + "-"
                    + IMAGE_SIZES[random.nextInt(IMAGE_SIZES.length)]
                    + (random.nextInt(100) < 50 ? ".jpg" : random.nextInt(100) < 70 ? ".webp" : ".png");
            case SCRIPT_OR_STYLE -> "https://static.shop.example/assets/" + BUNDLES[random.nextInt(BUNDLES.length)]
                    + "-" + random.nextInt(40) + "." + String.format("%08x", random.nextInt())
                    + (random.nextBoolean() ? ".js" : ".css");
            case PAGE -> "https://www.shop.example/" + CATEGORIES[random.nextInt(CATEGORIES.length)] + "/"
                    + word(random) + "-" + word(random) + "-" + id + ".html";
            case VIDEO_SEGMENT -> "https://video.shop.example/v/" + id / 100 + "/"
                    + QUALITIES[random.nextInt(QUALITIES.length)] + "/seg-" + String.format("%05d", id % 100) + ".ts";
            case FONT -> "https://static.shop.example/fonts/" + FONTS[random.nextInt(FONTS.length)] + "-"
                    + (100 * (1 + random.nextInt(9))) + "-v" + id % 97 + ".woff2";
            case API -> "https://api.shop.example/v2/" + ENDPOINTS[random.nextInt(ENDPOINTS.length)] + "/" + id;
        };
    }

    private static String word(SplittableRandom random) {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
