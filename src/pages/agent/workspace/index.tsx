import { View, Text } from '@tarojs/components'

/** 客服工作台 */
export default function Page() {
  return (
    <View className='page'>
      <View className='card'>
        <Text className='title'>客服工作台</Text>
        <Text className='muted'>待接入会话和待处理工单会显示在这里。</Text>
      </View>
    </View>
  )
}
