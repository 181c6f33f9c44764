'use strict';
// The same suite for each adapter, one after the other: some tests make WeChat fail for a moment, which
// would reach the others' logins if they ran at once.
const { suite } = require('./suite');

for (const adapter of ['wx', 'uni', 'taro']) {
	suite(adapter);
}
