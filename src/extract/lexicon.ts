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
	/^(?:\s*,?\s*(?:gửi|gởi|do|thuộc|liên\s+quan|về|của)\s+[^,;.]{0,70}?)?\s*(?:đã\s+được\s+giải quyết(?:\s+xong)?|được\s+giải quyết\s+xong|đã\s+giải quyết(?:\s+xong)?)(?![\p{L}])/iu;
const PENDING_AFTER =
	/^\s*(?:đã\s+được\s+giải\s+trình|được\s+giải\s+trình|đang|đã và đang|chưa|đã\s+được\s+trả lời|được\s+trả lời|đã\s+trả lời|đã\s+được\s+chuyển|được\s+chuyển|chuyển)/iu;

/** Verbs just before the number, for petitions: received or resolved, or a state that is neither. */
const RESOLVED_BEFORE =
	/(?:đã\s+giải quyết(?:\s+(?:xong|được|dứt điểm))?|giải quyết\s+(?:xong|được|dứt điểm)|đã\s+được\s+giải quyết(?:\s+xong)?)\s*(?:(?:hơn|trên|gần|khoảng|được)\s+)?$/iu;
const NOT_RESOLVED_BEFORE =
	/(?:(?:đã\s+)?(?:được\s+)?giải\s+trình(?:,\s*thông\s+tin)?|thông\s+tin|đang\s+(?:được\s+)?(?:giải quyết|xem xét|xử lý)|đã và đang(?:\s+\p{L}+){0,3}|(?:đã\s+)?(?:được\s+)?trả lời|chưa\s+(?:được\s+)?giải quyết|đôn đốc(?:\s+\p{L}+){0,3})\s*(?:(?:hơn|trên|gần|khoảng)\s+)?$/iu;

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
export function matchNoun(
	before: string,
	after: string,
	clause: string,
	/** The previous sentence and this one up to the number: voters named there carry over. */
	wider = before,
): NounMatch | null {
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
	// "giám sát 02 chuyên đề": supervisions counted by their topics.
	if (
		(m = /^\s+chuyên\s+đề(?![\p{L}])/iu.exec(after)) &&
		/giám\s+sát\s*(?:được\s+)?$/iu.test(before)
	) {
		return { metric: 'supervisions', length: m[0].length, reason: 'giám sát … chuyên đề' };
	}
	// "họp 02 kỳ thường lệ và 01 kỳ bất thường": sessions named by "kỳ" after the verb "họp".
	if (
		(m =
			/^\s+(?:kỳ|kì)\s+(thường\s+lệ|thường\s+kỳ|chuyên\s+đề|bất\s+thường|đột\s+xuất)(?![\p{L}])/iu.exec(
				after,
			)) &&
		/(?:họp|kỳ\s+họp|kì\s+họp)/iu.test(before)
	) {
		const regular = /^thường/iu.test(m[1]!);
		return {
			metric: regular ? 'sessions_regular' : 'sessions_thematic',
			length: m[0].length,
			reason: 'họp … kỳ',
		};
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
	// "số cuộc giám sát … đạt 11 cuộc": the noun named before, the classifier after.
	if ((m = /^\s+cuộc(?![\p{L}])/iu.exec(after))) {
		const named =
			/số\s+cuộc\s+(giám\s+sát|khảo\s+sát)(?![\s,]*(?:,|và)\s*(?:giám|khảo))[^;]{0,80}?(?:là|đạt|lên|được)\s*$/iu.exec(
				before,
			);
		if (named) {
			const survey = /^khảo/iu.test(named[1]!);
			return {
				metric: survey ? 'surveys' : 'supervisions',
				length: m[0].length,
				reason: 'số cuộc … đạt … cuộc',
			};
		}
	}
	// "tổng số phiên giải trình ở cấp xã là 27 phiên", "nâng tổng số nghị quyết … lên 117 nghị quyết":
	// the noun named after "số", the number after a copula.
	const named =
		/(?:tổng\s+)?số\s+((?:cuộc|phiên|kỳ|kì|lượt|nghị|đơn|ý|kiến|hội|buổi)[^;]{0,80}?)\s+(?:là|lên|đạt|được|gồm)\s*$/iu.exec(
			before,
		);
	if (
		named &&
		/^\s+(?:cuộc|phiên|kỳ|kì|lượt|nghị\s+quyết|đơn|ý\s+kiến|kiến\s+nghị|hội\s+nghị|buổi)(?![\p{L}])/iu.test(
			after,
		)
	) {
		const noun = /^nghị\s+quyết/iu.test(named[1]!)
			? ({ metric: 'resolutions_adopted', reason: 'nghị quyết' } as const)
			: matchNoun('', ` ${named[1]!}`, clause);
		if (noun && noun.metric !== 'petitions_resolved') {
			const classifier = /^\s+\S+(?:\s+(?:quyết|kiến|nghị))?/u.exec(after)![0];
			return {
				metric: noun.metric,
				length: classifier.length,
				reason: `tổng số … là … (${noun.reason})`,
			};
		}
	}
	// "giám sát 12 cuộc", "khảo sát 3 cuộc": the noun before, the classifier after.
	if ((m = /^\s+(?:cuộc|đợt)(?![\p{L}])/iu.exec(after))) {
		const verb = /(giám\s+sát|khảo\s+sát)(?:\s+chuyên\s+đề)?\s*(?:được|với|là|gồm)?\s*$/iu.exec(
			before,
		);
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

	if ((m = new RegExp(`^\\s+phiên\\s+(?:họp\\s+)?giải\\s+trình${W}`, 'iu').exec(after))) {
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
		// The verb nearest before the number decides: received, or forwarded, settled, being studied…
		const verbs = [
			...before.matchAll(
				/(tiếp\s+nhận|nhận\s+được|đã\s+nhận|nhận|chuyển|giải\s+quyết|xử\s+lý|hướng\s+dẫn|trả\s+lời|lưu|nghiên\s+cứu|rà\s+soát)/giu,
			),
		];
		let verb = verbs[verbs.length - 1]?.[1]?.toLowerCase() ?? '';
		// "tiếp nhận và xử lý 215 đơn": the first verb of a pair says what was counted.
		const pair = verbs[verbs.length - 2];
		if (
			pair &&
			/nhận/u.test(pair[1]!) &&
			/^\s*(?:và|,)\s*$/u.test(
				before.slice(pair.index! + pair[0].length, verbs[verbs.length - 1]!.index),
			)
		)
			verb = pair[1]!.toLowerCase();
		const received = /nhận/u.test(verb) || (verb === '' && about !== '');
		if (!received || (verb && before.length - verbs[verbs.length - 1]!.index! > 40)) {
			if (!(verb === '' && about !== '')) return null;
		}
		if (/^\s*(?:đang|đã\s+được\s+chuyển|được\s+chuyển|chuyển)/iu.test(rest.slice(about.length)))
			return null;
		return {
			metric: 'complaints_received',
			length: m[0].length + about.length,
			reason: 'đơn thư tiếp nhận',
		};
	}

	// Resolutions adopted: with the verb; a kind of resolution is a part of the total.
	if ((m = new RegExp(`^\\s+(?:dự\\s+thảo\\s+)?nghị\\s+quyết${W}`, 'iu').exec(after))) {
		const rest = after.slice(m[0].length);
		if (/^\s*(?:chuyên\s+đề|quy\s+phạm|cá\s+biệt|số|liên\s+quan|để)/iu.test(rest)) return null;
		const verbBefore =
			/(?:ban\s+hành|phát\s+hành|thông\s+qua|xem\s+xét(?:,|\s+và)?\s+thông\s+qua|biểu\s+quyết\s+thông\s+qua|quyết\s+nghị)\s*(?:(?:được|tổng\s+cộng|tổng\s+số|tất\s+cả)\s+)?$/iu.test(
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
		const voterContext = voter !== null || /cử\s+tri/iu.test(before) || /cử\s+tri/iu.test(wider);
		if (
			/^\s*(?:phát\s+biểu|thảo\s+luận|tham\s+gia|góp\s+ý|đóng\s+góp|của\s+(?:các\s+)?đại\s+biểu)/iu.test(
				rest,
			)
		)
			return null;
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
export function matchBarePetition(
	before: string,
	after: string,
	clause: string,
	wider = clause,
): NounMatch | null {
	if (!/cử\s+tri/iu.test(wider) || !/kiến\s+nghị|ý\s+kiến/iu.test(clause)) return null;
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
	// The state named last before the rate decides: "đã và đang giải quyết …, đạt 90 %" is not resolved.
	const states = [
		...before.matchAll(/(đã\s+và\s+đang|đang|chưa|trả\s+lời\s*,?)?\s*(?:được\s+)?giải\s+quyết/giu),
	];
	if (states[states.length - 1]?.[1]) return false;
	return /(?:đạt|chiếm|bằng|tỷ\s+lệ|tỉ\s+lệ)(?:\s+(?:tỷ|tỉ)\s+lệ)?(?:\s+(?:là|khoảng|gần|hơn|trên))?\s*$/iu.test(
		before,
	);
}
