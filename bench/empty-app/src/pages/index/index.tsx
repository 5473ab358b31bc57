import { Text, View } from '@tarojs/components'

/** The only page: one line of text, the first contentful paint to compare with. */
export default function Index() {
  return (
    <View>
      <Text>Hello</Text>
    </View>
  )
}
