/**
 * The grammar of counted activity: what may follow a number for it to be a figure of the catalogue.
 * Each rule reads the words right after the number (the counted noun and its modifiers) and, where the
 * noun alone does not decide, the words before it (the verb). The traps of the domain are rules too:
 * "cuộc giám sát, khảo sát" is neither metric, "kiến nghị" after a supervision is not a voter petition,
 * "đã và đang giải quyết" is not resolved, a part ("trong đó … chuyên đề" of resolutions or voter
 * meetings) is not a total.
 */
import type { ExtractMetricId } from './types.ts';

export interface NounMatch {
	metric: ExtractMetricId;
	/** Length of the counted noun phrase after the number (and its leading space). */
	length: number;
	/** Why, for the review screen. */
	reason: string;
}

const W = '(?![\\p{L}])';

/** Words after a petition noun that say what happened to those petitions. */
const RESOLVED_AFTER =
	/^[\s,]*(?:đã\s+được\s+giải quyết(?:\s+xong)?|được\s+giải quyết\s+xong|đã\s+giải quyết(?:\s+xong)?)(?![\p{L}])/iu;
const PENDING_AFTER =
	/^[\s,]*(?:đang|đã và đang|chưa|đã\s+được\s+trả lời|được\s+trả lời|đã\s+trả lời|đã\s+được\s+chuyển|được\s+chuyển|chuyển)/iu;

/** Verbs just before the number, for petitions: received or resolved, or a state that is neither. */
const RESOLVED_BEFORE =
	/(?:đã\s+giải quyết(?:\s+(?:xong|được|dứt điểm))?|giải quyết\s+(?:xong|được|dứt điểm)|đã\s+được\s+giải quyết(?:\s+xong)?)\s*(?:(?:hơn|trên|gần|khoảng|được)\s+)?$/iu;
const NOT_RESOLVED_BEFORE =
	/(?:đang\s+(?:được\s+)?(?:giải quyết|xem xét|xử lý)|đã và đang(?:\s+\p{L}+){0,3}|(?:đã\s+)?(?:được\s+)?trả lời|chưa\s+(?:được\s+)?giải quyết|chuyển(?:\s+\p{L}+){0,3}|đôn đốc(?:\s+\p{L}+){0,3})\s*(?:(?:hơn|trên|gần|khoảng)\s+)?$/iu;

const PETITION_NOUN = new RegExp(
	`^\\s+(?:lượt\\s+)?(?:ý kiến,?\\s*kiến nghị|ý kiến\\s*\\/\\s*kiến nghị|kiến nghị,?\\s*(?:phản ánh|đề xuất)|kiến nghị|ý kiến|nội dung(?:\\s+(?:ý kiến,?\\s*)?kiến nghị)?|vấn đề)${W}`,
	'iu',
);
const VOTER_AFTER =
	/^(?:,?\s*(?:phản ánh|đề xuất|nguyện vọng))*\s*(?:của|từ)?\s*(?:cử tri|ctri)(?![\p{L}])/iu;

/**
 * The metric of the noun phrase after a number, or null. `before` is the clause up to the number,
 * `after` the rest of the clause from the number's end.
 */
export function matchNoun(before: string, after: string, clause: string): NounMatch | null {
	let m: RegExpExecArray | null;

	// Sessions: "kỳ họp" (kì), with its kind; "kỳ họp thứ" is never reached (the number would follow).
	if ((m = new RegExp(`^\\s+(?:kỳ|kì)\\s+họp${W}`, 'iu').exec(after))) {
		const rest = after.slice(m[0].length);
		const kind =
			/^\s+(thường\s+lệ|thường\s+kỳ|thường\s+kì|chuyên\s+đề|bất\s+thường|đột\s+xuất|giải\s+quyết\s+công\s+việc\s+phát\s+sinh)/iu.exec(
				rest,
			);
		if (kind) {
			const regular = /^thường/iu.test(kind[1]!);
			return {
				metric: regular ? 'sessions_regular' : 'sessions_thematic',
				length: m[0].length + kind[0].length,
				reason: regular ? 'kỳ họp thường lệ' : 'kỳ họp chuyên đề',
			};
		}
		return { metric: 'sessions_total', length: m[0].length, reason: 'kỳ họp (tổng số)' };
	}
	// "2 kỳ thường lệ", "3 chuyên đề" after "kỳ họp" in the same clause: the noun is understood.
	if (
		(m =
			/^\s+(?:(?:kỳ|kì)\s+)?(thường\s+lệ|thường\s+kỳ|chuyên\s+đề|bất\s+thường)(?![\p{L}])/iu.exec(
				after,
			)) &&
		/(?:kỳ|kì)\s+họp/iu.test(before)
	) {
		const regular = /^thường/iu.test(m[1]!);
		return {
			metric: regular ? 'sessions_regular' : 'sessions_thematic',
			length: m[0].length,
			reason: 'kỳ họp (danh từ hiểu ngầm)',
		};
	}

	// Supervisions and surveys; the pair "giám sát, khảo sát" counts both together and is neither.
	if (
		(m = new RegExp(`^\\s+(?:cuộc|đợt|chuyên\\s+đề)\\s+(giám\\s+sát|khảo\\s+sát)${W}`, 'iu').exec(
			after,
		))
	) {
		const rest = after.slice(m[0].length);
		if (/^\s*(?:,|và|\/|-|hoặc)\s*(?:giám\s+sát|khảo\s+sát)/iu.test(rest)) return null;
		if (/^\s+(?:và|,)\s+(?:(?:cuộc|đợt)\s+)?(?:giám\s+sát|khảo\s+sát)/iu.test(rest)) return null;
		const survey = /^khảo/iu.test(m[1]!);
		const thematic = /^\s+chuyên\s+đề/iu.exec(rest);
		return {
			metric: survey ? 'surveys' : 'supervisions',
			length: m[0].length + (thematic ? thematic[0].length : 0),
			reason: survey ? 'cuộc khảo sát' : 'cuộc giám sát',
		};
	}
	// "giám sát 12 cuộc", "khảo sát 3 cuộc": the noun before, the classifier after.
	if ((m = /^\s+(?:cuộc|đợt)(?![\p{L}])/iu.exec(after))) {
		const verb = /(giám\s+sát|khảo\s+sát)(?:\s+chuyên\s+đề)?\s*(?:được\s+)?$/iu.exec(before);
		if (
			verb &&
			!/(?:giám|khảo)\s+sát\s*[,/]\s*(?:giám|khảo)\s+sát\s*(?:chuyên\s+đề\s*)?(?:được\s+)?$/iu.test(
				before,
			)
		) {
			const survey = /^khảo/iu.test(verb[1]!);
			return {
				metric: survey ? 'surveys' : 'supervisions',
				length: m[0].length,
				reason: survey ? 'khảo sát … cuộc' : 'giám sát … cuộc',
			};
		}
	}

	if ((m = new RegExp(`^\\s+phiên\\s+giải\\s+trình${W}`, 'iu').exec(after))) {
		return { metric: 'explanatory_hearings', length: m[0].length, reason: 'phiên giải trình' };
	}
	if (
		(m = new RegExp(
			`^\\s+phiên\\s+(?:chất\\s+vấn(?:\\s+và\\s+trả\\s+lời\\s+chất\\s+vấn)?|trả\\s+lời\\s+chất\\s+vấn)${W}`,
			'iu',
		).exec(after))
	) {
		return { metric: 'interpellation_sessions', length: m[0].length, reason: 'phiên chất vấn' };
	}

	// Voter meetings: "cuộc/buổi/hội nghị tiếp xúc cử tri"; a thematic one is a part, not the total.
	if (
		(m = new RegExp(
			`^\\s+(?:cuộc|buổi|hội\\s+nghị|điểm)\\s+(?:tiếp\\s+xúc\\s+cử\\s+tri|txct)${W}`,
			'iu',
		).exec(after))
	) {
		if (/^\s+chuyên\s+đề/iu.test(after.slice(m[0].length))) return null;
		if (/^\s+điểm/iu.test(m[0])) return null;
		return { metric: 'voter_meetings', length: m[0].length, reason: 'cuộc tiếp xúc cử tri' };
	}
	if (
		(m = /^\s+(?:cuộc|buổi|hội\s+nghị)(?![\p{L}])/iu.exec(after)) &&
		/tiếp\s+xúc\s+(?:với\s+)?cử\s+tri\s*(?:được\s+)?$/iu.test(before)
	) {
		return { metric: 'voter_meetings', length: m[0].length, reason: 'tiếp xúc cử tri … cuộc' };
	}

	// Citizen receptions: "lượt công dân", "lượt tiếp công dân", "tiếp công dân 45 lượt".
	if ((m = new RegExp(`^\\s+lượt\\s+(?:tiếp\\s+)?(?:công\\s+dân|người)${W}`, 'iu').exec(after))) {
		if (/người/iu.test(m[0]) && !/tiếp\s+công\s+dân|tiếp\s+dân/iu.test(clause)) return null;
		return { metric: 'citizen_receptions', length: m[0].length, reason: 'lượt tiếp công dân' };
	}
	if (
		(m = /^\s+lượt(?![\p{L}])/iu.exec(after)) &&
		/tiếp\s+(?:công\s+dân|dân)\s*(?:được\s+)?$/iu.test(before)
	) {
		return { metric: 'citizen_receptions', length: m[0].length, reason: 'tiếp công dân … lượt' };
	}

	// Complaints and denunciations received.
	if (
		(m = new RegExp(
			`^\\s+(?:đơn(?:,?\\s*thư)?|lá\\s+đơn|văn\\s+bản\\s+khiếu\\s+nại)${W}`,
			'iu',
		).exec(after))
	) {
		const rest = after.slice(m[0].length);
		const about =
			/^(?:\s*(?:khiếu\s+nại|tố\s+cáo|kiến\s+nghị|phản\s+ánh|,|và|của\s+công\s+dân))*/iu.exec(
				rest,
			)![0];
		if (!/tiếp\s+nhận|nhận\s+được|đã\s+nhận|nhận/iu.test(before.slice(-60)) && !about) return null;
		if (
			/(?:giải\s+quyết|xử\s+lý\s+xong|chuyển|hướng\s+dẫn|trả\s+lời)(?:\s+\p{L}+){0,2}\s*$/iu.test(
				before,
			) &&
			!/tiếp\s+nhận/iu.test(before.slice(-40))
		)
			return null;
		return {
			metric: 'complaints_received',
			length: m[0].length + about.length,
			reason: 'đơn thư tiếp nhận',
		};
	}

	// Resolutions adopted: with the verb; a kind of resolution is a part of the total.
	if ((m = new RegExp(`^\\s+nghị\\s+quyết${W}`, 'iu').exec(after))) {
		const rest = after.slice(m[0].length);
		if (/^\s*(?:chuyên\s+đề|quy\s+phạm|cá\s+biệt|về|số|liên\s+quan|để)/iu.test(rest)) return null;
		const verbBefore =
			/(?:ban\s+hành|thông\s+qua|xem\s+xét(?:,|\s+và)?\s+thông\s+qua|biểu\s+quyết\s+thông\s+qua|quyết\s+nghị)\s*(?:(?:được|tổng\s+cộng|tổng\s+số|tất\s+cả)\s+)?$/iu.test(
				before,
			);
		const verbAfter = /^\s*(?:đã\s+)?(?:được\s+)?(?:ban\s+hành|thông\s+qua)/iu.test(rest);
		if (!verbBefore && !verbAfter) return null;
		return { metric: 'resolutions_adopted', length: m[0].length, reason: 'nghị quyết ban hành' };
	}

	// Voter petitions: received, resolved, or a state that is neither.
	if ((m = PETITION_NOUN.exec(after))) {
		let length = m[0].length;
		const rest = after.slice(length);
		const voter = VOTER_AFTER.exec(rest);
		if (voter) length += voter[0].length;
		const voterContext = voter !== null || /cử\s+tri/iu.test(before);
		if (!voterContext) return null;
		// Recommendations of a supervision team are not voter petitions.
		if (
			!voter &&
			/giám\s+sát|khảo\s+sát|đoàn/iu.test(
				before.slice(before.search(/cử\s+tri(?![\s\S]*cử\s+tri)/iu)),
			)
		)
			return null;
		if (/^\s*(?:sau|qua)\s+giám\s+sát/iu.test(rest)) return null;
		const tail = after.slice(length);
		if (RESOLVED_AFTER.test(tail))
			return { metric: 'petitions_resolved', length, reason: 'kiến nghị đã được giải quyết' };
		if (PENDING_AFTER.test(tail)) return null;
		if (NOT_RESOLVED_BEFORE.test(before)) return null;
		if (RESOLVED_BEFORE.test(before))
			return { metric: 'petitions_resolved', length, reason: 'đã giải quyết … kiến nghị' };
		if (/giải\s+quyết|trả\s+lời/iu.test(before.slice(-25))) return null;
		return { metric: 'petitions_received', length, reason: 'kiến nghị cử tri tiếp nhận' };
	}
	return null;
}

/**
 * Petition figures written without a noun after the number: "đã giải quyết 1.020", "đã giải quyết
 * xong 980/1.143" in a clause about voters' petitions.
 */
export function matchBarePetition(before: string, after: string, clause: string): NounMatch | null {
	if (!/cử\s+tri/iu.test(clause) || !/kiến\s+nghị|ý\s+kiến/iu.test(clause)) return null;
	if (!/^(?:\s*[,.;)]|\s*\/|\s+(?:trên|\/)\s|\s*$|\s+(?:đạt|chiếm|bằng))/iu.test(after))
		return null;
	if (NOT_RESOLVED_BEFORE.test(before)) return null;
	if (RESOLVED_BEFORE.test(before))
		return { metric: 'petitions_resolved', length: 0, reason: 'đã giải quyết …' };
	if (
		/(?:tiếp\s+nhận|tổng\s+hợp|nhận\s+được)(?:\s+(?:được|tổng\s+số|tổng\s+cộng))?\s*(?:(?:hơn|trên|gần|khoảng)\s+)?$/iu.test(
			before,
		)
	) {
		return { metric: 'petitions_received', length: 0, reason: 'tiếp nhận …' };
	}
	return null;
}

/** A percentage that states the petition resolution rate ("đạt tỷ lệ 89,2%", "đạt 95 %"). */
export function isResolutionRate(before: string, clause: string): boolean {
	if (!/giải\s+quyết/iu.test(before) || !/kiến\s+nghị|ý\s+kiến/iu.test(clause)) return false;
	if (/đã\s+và\s+đang|đang\s+giải\s+quyết/iu.test(before)) return false;
	return /(?:đạt|chiếm|bằng|tỷ\s+lệ|tỉ\s+lệ)(?:\s+(?:tỷ|tỉ)\s+lệ)?(?:\s+(?:là|khoảng|gần|hơn|trên))?\s*$/iu.test(
		before,
	);
}
