package com.linli.aftersales.internal.help;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.linli.aftersales.FaqCategory;
import com.linli.aftersales.FaqEntry;
import com.linli.aftersales.FaqId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The help centre's categories and questions in plain SQL. */
@Repository
public class Faqs {

	private static final String SELECT = """
			select f.id, f.category_id, c.name, f.question, f.answer, f.sort, f.active, f.updated_at
			  from aftersales.faq f join aftersales.faq_category c on c.id = f.category_id""";

	private static final String ORDER = " order by c.sort, c.id, f.sort, f.id";

	private final JdbcClient jdbc;

	Faqs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The category of this name, created (last in order) when new. */
	public long categoryNamed(String name) {
		jdbc.sql("""
				insert into aftersales.faq_category (name, sort)
				select ?, coalesce(max(sort), 0) + 10 from aftersales.faq_category
				on conflict (name) do nothing""").param(name).update();
		return jdbc.sql("select id from aftersales.faq_category where name = ?").param(name).query(Long.class).single();
	}

	public Optional<FaqCategory> category(long id) {
		return categories().stream().filter(c -> c.id() == id).findFirst();
	}

	public List<FaqCategory> categories() {
		return jdbc.sql("""
				select c.id, c.name, c.sort, count(f.id) filter (where f.active)
				  from aftersales.faq_category c left join aftersales.faq f on f.category_id = c.id
				 group by c.id order by c.sort, c.id""")
			.query((rs, n) -> new FaqCategory(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4))).list();
	}

	/** Renames and reorders a category; false when the name belongs to another one. */
	public boolean updateCategory(long id, String name, int sort) {
		if (jdbc.sql("select count(*) from aftersales.faq_category where name = ? and id <> ?").params(name, id)
			.query(Long.class).single() > 0) {
			return false;
		}
		return jdbc.sql("update aftersales.faq_category set name = ?, sort = ? where id = ?").params(name, sort, id)
			.update() == 1;
	}

	public FaqId insert(long categoryId, String question, String answer, int sort, Instant at) {
		return new FaqId(jdbc.sql("""
				insert into aftersales.faq (category_id, question, answer, sort, updated_at) values (?, ?, ?, ?, ?)
				returning id""").params(categoryId, question, answer, sort, Timestamp.from(at)).query(Long.class).single());
	}

	public boolean update(FaqId id, long categoryId, String question, String answer, int sort, Instant at) {
		return jdbc.sql("""
				update aftersales.faq set category_id = ?, question = ?, answer = ?, sort = ?, updated_at = ? where id = ?""")
			.params(categoryId, question, answer, sort, Timestamp.from(at), id.value()).update() == 1;
	}

	public boolean setActive(FaqId id, boolean active, Instant at) {
		return jdbc.sql("update aftersales.faq set active = ?, updated_at = ? where id = ?")
			.params(active, Timestamp.from(at), id.value()).update() == 1;
	}

	public Optional<FaqEntry> find(FaqId id) {
		return jdbc.sql(SELECT + " where f.id = ?").param(id.value()).query(Faqs::entry).optional();
	}

	/** Every question (only the active ones when asked), in category and question order. */
	public List<FaqEntry> all(boolean activeOnly) {
		return jdbc.sql(SELECT + (activeOnly ? " where f.active" : "") + ORDER).query(Faqs::entry).list();
	}

	public int nextSort(long categoryId) {
		return jdbc.sql("select coalesce(max(sort), 0) + 10 from aftersales.faq where category_id = ?").param(categoryId)
			.query(Integer.class).single();
	}

	private static FaqEntry entry(ResultSet rs, int n) throws SQLException {
		Timestamp t = rs.getTimestamp(8);
		return new FaqEntry(new FaqId(rs.getLong(1)), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
				rs.getInt(6), rs.getBoolean(7), t == null ? null : t.toInstant());
	}
}
