package com.linli.catalog.internal;

import java.util.List;

import com.linli.catalog.Category;
import com.linli.catalog.CategoryId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryTreeTests {

	static final CategoryId FRUIT = new CategoryId(1), VEG = new CategoryId(2), APPLES = new CategoryId(3),
			FUJI = new CategoryId(4), PEARS = new CategoryId(5);

	final CategoryTree tree = new CategoryTree(List.of(
			new Category(FUJI, APPLES, "富士", 0),
			new Category(VEG, null, "蔬菜", 2),
			new Category(PEARS, FRUIT, "梨", 1),
			new Category(APPLES, FRUIT, "苹果", 0),
			new Category(FRUIT, null, "水果", 1)));

	@Test
	void listsParentsBeforeChildrenAndSiblingsBySortOrder() {
		assertThat(tree.inOrder()).extracting(Category::name).containsExactly("水果", "苹果", "富士", "梨", "蔬菜");
		assertThat(tree.nodes()).extracting(CategoryTree.Node::depth).containsExactly(0, 1, 2, 1, 0);
		assertThat(tree.pathOf(FUJI)).isEqualTo("水果 / 苹果 / 富士");
	}

	@Test
	void findsACategoryWithAllItsDescendants() {
		assertThat(tree.withDescendants(FRUIT)).containsExactlyInAnyOrder(FRUIT, APPLES, FUJI, PEARS);
		assertThat(tree.withDescendants(VEG)).containsExactly(VEG);
	}

	@Test
	void movingACategoryBelowItselfOrItsDescendantIsACycle() {
		assertThat(tree.wouldCreateCycle(FRUIT, FUJI)).isTrue();
		assertThat(tree.wouldCreateCycle(APPLES, APPLES)).isTrue();
		assertThat(tree.wouldCreateCycle(APPLES, VEG)).isFalse();
		assertThat(tree.wouldCreateCycle(FUJI, null)).isFalse();
	}

	@Test
	void indentsNamesForSelectLists() {
		assertThat(tree.nodes().get(0).indentedName()).isEqualTo("水果");
		assertThat(tree.nodes().get(2).indentedName()).isEqualTo("\u3000\u3000└ 富士");
	}
}
