package com.linli.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import com.linli.catalog.Category;
import com.linli.catalog.CategoryId;
import com.linli.catalog.NewCategory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The category table. */
@Repository
public class Categories {

	private final JdbcClient jdbc;

	Categories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public CategoryId insert(NewCategory c) {
		return new CategoryId(jdbc.sql("insert into catalog.category (parent_id, name, sort_order) values (?, ?, ?) returning id")
			.params(idOf(c.parentId()), c.name(), c.sortOrder()).query(Long.class).single());
	}

	public void update(CategoryId id, NewCategory c) {
		jdbc.sql("update catalog.category set parent_id = ?, name = ?, sort_order = ? where id = ?")
			.params(idOf(c.parentId()), c.name(), c.sortOrder(), id.value()).update();
	}

	public Optional<Category> find(CategoryId id) {
		return jdbc.sql("select id, parent_id, name, sort_order from catalog.category where id = ?").param(id.value())
			.query(Categories::map).optional();
	}

	public List<Category> all() {
		return jdbc.sql("select id, parent_id, name, sort_order from catalog.category order by sort_order, name, id")
			.query(Categories::map).list();
	}

	/** Whether a sibling (same parent) other than {@code except} already has this name, ignoring case. */
	public boolean siblingNamed(CategoryId parent, String name, CategoryId except) {
		return jdbc.sql("""
				select exists (select 1 from catalog.category
				                where coalesce(parent_id, 0) = coalesce(cast(? as bigint), 0)
				                  and lower(name) = lower(?) and id <> coalesce(cast(? as bigint), 0))""")
			.params(idOf(parent), name, idOf(except)).query(Boolean.class).single();
	}

	/** Serialises changes of the tree's shape, so that two concurrent moves cannot build a cycle together. */
	public void lockTree() {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('catalog.category-tree'))").query(Object.class).single();
	}

	public long productCount(CategoryId id) {
		return jdbc.sql("select count(*) from catalog.product where category_id = ?").param(id.value())
			.query(Long.class).single();
	}

	static Long idOf(CategoryId id) {
		return id == null ? null : id.value();
	}

	static Category map(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		CategoryId parentId = rs.wasNull() ? null : new CategoryId(parent);
		return new Category(new CategoryId(rs.getLong("id")), parentId, rs.getString("name"), rs.getInt("sort_order"));
	}
}
