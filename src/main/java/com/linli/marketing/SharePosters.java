package com.linli.marketing;

import com.linli.marketing.internal.posters.Poster;
import com.linli.marketing.internal.posters.PosterRenderer;

import org.springframework.stereotype.Service;

/** Draws share posters for other modules (the leader's share card) with the residents' poster renderer, as PNG. */
@Service
public class SharePosters {

	private final PosterRenderer renderer;

	SharePosters(PosterRenderer renderer) {
		this.renderer = renderer;
	}

	/** The poster as PNG bytes. */
	public byte[] png(SharePoster p) {
		return renderer.png(new Poster(p.headline(), p.subline(), p.price(), p.listPrice(), p.pickupPoint(),
				p.pickupLine(), p.footer(), p.url()));
	}
}
